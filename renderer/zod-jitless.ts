/**
 * Turns off zod's eval-based fast path before any schema is built. The CSP forbids eval, and zod
 * decides at schema construction by probing `new Function`, which the browser reports as a CSP
 * violation even though zod catches it. Imported first by main.tsx for that reason.
 */
import { z } from 'zod';

z.config({ jitless: true });
