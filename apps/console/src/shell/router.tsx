import { useEffect, useState } from 'react';
import { hrefFor, parseHash, type Route } from '../routing/routes';

export function navigate(route: Route): void {
  window.location.hash = hrefFor(route);
}

/** The route in the URL hash, or null for an unknown hash (the shell then picks the home page). */
export function useRoute(): Route | null {
  const [route, setRoute] = useState<Route | null>(() => parseHash(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseHash(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
