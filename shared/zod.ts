import { z } from 'zod';
import { fr } from 'zod/locales';

// Every process that validates with our schemas imports them through here, so the fallback
// messages zod produces for unexpected shapes (a number where text is expected...) are French.
z.config(fr());

export { z };
