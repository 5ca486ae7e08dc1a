/**
 * strip-bom 5 (loaded by @microsoft/app-manifest) is an ES module, which Jest's CommonJS runtime
 * cannot require; this is the same function for the app package test.
 */
function stripBom(text) {
  return typeof text === 'string' && text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
module.exports = stripBom;
module.exports.default = stripBom;
