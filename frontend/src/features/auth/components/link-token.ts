import { useLocation } from "@/lib/router";

/**
 * The secret of an emailed link, which sits after `#token=` so that it never reaches a server's
 * logs or a Referer header; null when the link arrived cut short.
 */
export function useLinkToken(): string | null {
  const { hash } = useLocation();
  return new URLSearchParams(hash.replace(/^#/, "")).get("token") || null;
}
