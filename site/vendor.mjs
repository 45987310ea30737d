// The browser builds the site serves, copied from node_modules/ to vendor/ at stable paths, so pages
// and the upload of the site name one file, whatever the package's layout. `npm ci` runs this (postinstall).
import { cpSync, rmSync } from 'node:fs';

const SERVED = {
  'chart.js/chart.umd.min.js': 'chart.js/dist/chart.umd.min.js',
  'chart.js/chart.umd.min.js.map': 'chart.js/dist/chart.umd.min.js.map',
};

const here = new URL('.', import.meta.url);
rmSync(new URL('vendor/', here), { recursive: true, force: true });
for (const [target, source] of Object.entries(SERVED)) {
  cpSync(new URL(`node_modules/${source}`, here), new URL(`vendor/${target}`, here));
}
