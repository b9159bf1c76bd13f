// Decides the status a key result's page tells together with its forecast: on track now but heading
// short of the target at this pace is at risk, so the badge and the forecast never contradict.

import { TRACK_TOLERANCE, type TrackStatus } from './trackStatus.js';

const EPSILON = 1e-9;

/**
 * - A forecast that ends more than TRACK_TOLERANCE.onTrack (10 points) short of 100 % turns
 *   "on track" into "at risk": the team is fine today but will not make it at this pace.
 * - Otherwise, and whenever the status is already at risk or off track, the status stands: a good
 *   forecast does not hide today's lag, and a poor one never makes it worse than at risk.
 * - No forecast (null, or a forecast progress that is not a number): the status stands.
 */
export function forecastStatus(status: TrackStatus, forecastProgress: number | null | undefined): TrackStatus {
  if (status !== 'on-track' || typeof forecastProgress !== 'number' || Number.isNaN(forecastProgress)) return status;
  return 1 - forecastProgress > TRACK_TOLERANCE.onTrack + EPSILON ? 'at-risk' : 'on-track';
}
