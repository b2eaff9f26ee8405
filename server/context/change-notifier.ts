/** Tells the real-time layer that changes were committed, so it can poke the users who may see them. */

/** Called after a writing transaction commits. */
export interface ChangeNotifier {
  /** Something was committed; the notifier reads the change log itself (pokes carry no data). */
  committed(): void;
}

/** A notifier that does nothing (used until real time is attached). */
export const silentNotifier: ChangeNotifier = { committed: () => undefined };
