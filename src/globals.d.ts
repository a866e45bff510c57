/** The site's public address from the build's SITE_URL (ending in '/'), or null: see vite.config.ts. */
declare const __SITE_URL__: string | null;
