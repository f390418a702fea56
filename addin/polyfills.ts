// Office 2016 and volume-licensed 2019 on Windows show add-ins in IE11, Office 2019 retail in
// EdgeHTML 18 (docs/addin.md). The build (scripts/build-addin.ts) lowers the syntax to ES5 and
// adds the core-js polyfills for the built-ins the code uses; core-js has no
// String.prototype.normalize, which the core's name matching needs, so unorm supplies it
// (only where it is missing).
import 'unorm';
