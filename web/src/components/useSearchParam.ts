import { useSearchParams } from 'react-router';

/** A page's choice kept in the address (?nam=2025&nhom=DISTRICT), so a link or a reload shows the same thing. */
export function useSearchParam(name: string, fallback: string): [string, (value: string) => void] {
  const [params, setParams] = useSearchParams();
  const value = params.get(name) ?? fallback;
  const set = (next: string) =>
    setParams(
      (current) => {
        const copy = new URLSearchParams(current);
        copy.set(name, next);
        return copy;
      },
      { replace: true },
    );
  return [value, set];
}
