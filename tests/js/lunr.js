/* lunr.js with the Dutch language support, from the same files the site ships
 * (generator/assets.py SEARCH_SCRIPTS), for the Node tests of the core modules. */
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

export const lunr = require("lunr/lunr.min.js");
require("lunr-languages/min/lunr.stemmer.support.min.js")(lunr);
require("lunr-languages/min/lunr.nl.min.js")(lunr);
