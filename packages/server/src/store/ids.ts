// Ids are UUIDv7: globally unique (several organisations, several instances) and ordered by
// creation time, so keyset pagination by id lists things in the order they were made.
import { v7 } from 'uuid';
export const newId = (): string => v7();
