/** Focuses an element by id as soon as it is on screen (it may still be loading), for up to 3 s. */
export function focusSoon(id: string) {
  const until = Date.now() + 3000;
  const tryFocus = () => {
    const el = document.getElementById(id);
    if (el) el.focus();
    else if (Date.now() < until) setTimeout(tryFocus, 30);
  };
  setTimeout(tryFocus, 0);
}
