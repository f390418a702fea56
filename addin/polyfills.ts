// Office 2019 on Windows shows add-ins in EdgeHTML 18 (Edge Legacy). esbuild lowers the syntax
// to what it knows (target edge18); these supply the newer built-in methods the code calls.
import 'core-js/actual/array/flat-map';
import 'core-js/actual/array/flat';
import 'core-js/actual/object/from-entries';
import 'core-js/actual/string/replace-all';
import 'core-js/actual/array/at';
