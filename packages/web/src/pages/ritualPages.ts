// The ways to the ritual pages (the planning workshop, the weekly meeting, the retrospective), in a chunk of their own with
// nothing else in it: the app's first chunk then names this one file to preload for them, not the
// twenty each page is made of, which keeps the main screens (the key result page is at its
// JavaScript budget) from paying for pages they do not show.
export const openWorkshopPage = () => import('./plan/WorkshopPage');
export const openMeetingPage = () => import('./meeting/MeetingPage');
export const openRetrospectivePage = () => import('./retrospective/RetrospectivePage');
