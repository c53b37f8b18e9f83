/**
 * Only an admin of the area answerable for the client (the event store's `answerableAreaOf`,
 * docs/erasure.md "Who may erase") may erase; a registration no area holds, any admin (whoever
 * has the code in hand). There is deliberately no cross-area erasure: another area's admin is
 * told only what an unknown client would tell them.
 */
export function mayErase(adminArea: string, answerableArea: string | null): boolean {
  return answerableArea === null || answerableArea === adminArea;
}
