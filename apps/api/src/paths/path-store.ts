import { HttpStatus, Injectable } from '@nestjs/common';
import { employmentAreaOf, foldPath, toPathEvent, type RecordedEvent } from '@polku/event-store';
import { evolve, initialPathState, mayShareWithWellbeing, type PathState, type StartedPath } from '@polku/domain';
import { Pool } from 'pg';
import { ApiError } from '../http/api-error';
import type { StaffUser } from '../auth/staff-user';
import { helsinkiToday } from './wellbeing-visibility';

export const PATH_NOT_FOUND = { code: 'PATH.NOT_FOUND', message: 'No such path in your employment area.' } as const;

export function pathNotFound(): ApiError {
  return new ApiError(HttpStatus.NOT_FOUND, PATH_NOT_FOUND);
}

// A path never changes employment area, so its area is cached once read.
const AREA_CACHE_LIMIT = 50_000;

/** Reads paths from the event store: the area a path belongs to, and its state folded from events. */
@Injectable()
export class PathStore {
  private readonly areas = new Map<string, string>();

  constructor(private readonly pool: Pool) {}

  /**
   * Passes when the user may see the path: it is in their area and, for wellbeing-county staff,
   * there is a legal basis to share it (multisectoral support or the client's consent in force).
   * Otherwise 404, the same as for a path that does not exist.
   */
  async assertVisible(user: StaffUser, pathId: string, loaded?: StartedPath): Promise<void> {
    if ((await this.areaOf(pathId)) !== user.employmentArea) throw pathNotFound();
    if (user.role !== 'wellbeing') return;
    const state = loaded ?? (await this.load(pathId)).state;
    if (!mayShareWithWellbeing(state, helsinkiToday())) throw pathNotFound();
  }

  async areaOf(pathId: string): Promise<string | undefined> {
    const cached = this.areas.get(pathId);
    if (cached !== undefined) return cached;
    // From the store, not the projection: a path started a moment ago is authorised at once.
    const area = await employmentAreaOf(this.pool, pathId);
    if (area !== undefined) {
      if (this.areas.size >= AREA_CACHE_LIMIT) this.areas.clear();
      this.areas.set(pathId, area);
    }
    return area;
  }

  /** The path's events and the state they fold to: the pure core over the event store. */
  async load(pathId: string): Promise<{ state: StartedPath; events: readonly RecordedEvent[] }> {
    const { state, events } = await foldPath(this.pool, pathId);
    if (state.status === 'NONE') throw pathNotFound();
    return { state, events };
  }

  /**
   * The path as the events recorded before `recordedBefore` had it: the same fold over the
   * stream's first events. A path not yet started then is not found, like one that never was.
   */
  static asRecordedBefore(events: readonly RecordedEvent[], recordedBefore: string): { state: StartedPath; events: readonly RecordedEvent[] } {
    const cut = Date.parse(recordedBefore);
    const earlier = events.filter((event) => Date.parse(event.recordedAt) < cut);
    const state = earlier.reduce<PathState>((folded, event) => evolve(folded, toPathEvent(event)), initialPathState);
    if (state.status === 'NONE') throw pathNotFound();
    return { state, events: earlier };
  }
}
