import { options } from "preact";

/**
 * Pending effects run before Preact handles an event, as React does.
 *
 * Preact runs `useEffect` callbacks after the next frame, and unlike React it does not run the
 * pending ones before it handles the next click or key press. A click that came in between reached
 * a component whose effects had not run, so its subscriptions did not exist yet. TanStack Query
 * subscribes a mutation's observer in such an effect (through useSyncExternalStore), and it drops
 * the callbacks given to `mutate()` when the mutation settles with no subscriber. A refused restore
 * on the archive page then showed no error at all.
 *
 * So this module keeps Preact's own timing (after the next frame, or 35 ms without frames) and adds
 * one thing: an event handled by Preact first runs the effects still waiting.
 */
let pending: (() => void) | null = null;

function runPending() {
  const callback = pending;
  pending = null;
  callback?.();
}

options.requestAnimationFrame = (callback) => {
  pending = callback;
  const done = () => {
    clearTimeout(timeout);
    if (typeof cancelAnimationFrame == "function") cancelAnimationFrame(frame);
    setTimeout(() => {
      if (pending === callback) runPending();
    });
  };
  const timeout = setTimeout(done, 35);
  const frame = typeof requestAnimationFrame == "function" ? requestAnimationFrame(done) : 0;
};

const previousEvent = options.event;
options.event = (event) => {
  if (pending) runPending();
  return previousEvent ? previousEvent(event) : event;
};
