import * as z from 'zod/mini';

// Zod's mini build ships no messages; extension pages and the worker load the English ones so every validation
// error says what is wrong. The content script does not import this and stays small.
z.config(z.locales.en());
