// The background: loads the engine once and wires the feature modules to the
// browser. Runs as a module service worker (Chromium) or a module event page
// (Firefox); it keeps no state in globals that must survive a restart.
import { ready, engine } from './engine.js';
import './feeds.js';
import './navigation.js';
import './router.js';
import { verdictFor } from './verdicts.js';
import { lastPageReport, pageAnswer } from './forms.js';
import { recordIncident } from './incidents.js';
import './userlists.js';
import './guide.js';
import { createMenu, onClicked } from './menus.js';
import { mark, wake } from './wake.js';

// Test hook: lets end-to-end tests reach the module-scoped engine from the
// worker (dynamic import() is not allowed in service workers).
globalThis.__sagiguard = { ready, engine, verdictFor, pageAnswer, lastPageReport, recordIncident, menus: { createMenu, onClicked }, wake };
mark('evaluated');
