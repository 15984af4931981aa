/* A QR code as SVG, built with DOM methods from qrcode-generator's module matrix.
 *
 * The library (npm qrcode-generator, copied into static/vendor/ at build time) only
 * computes the code; this draws it, so no markup string is ever parsed.
 */
import qrcode from "../vendor/qrcode.js";

const SVG = "http://www.w3.org/2000/svg";
const QUIET_ZONE = 4; // modules of white around the code, as the standard asks

/** An <svg> QR code of `text` (error correction M), scalable, labelled for assistive tech. */
export function qrSvg(text, label) {
  const code = qrcode(0, "M");
  code.addData(text);
  code.make();
  const count = code.getModuleCount();
  const size = count + 2 * QUIET_ZONE;
  let path = "";
  for (let row = 0; row < count; row += 1) {
    for (let column = 0; column < count; column += 1) {
      if (code.isDark(row, column)) {
        path += "M" + (column + QUIET_ZONE) + " " + (row + QUIET_ZONE) + "h1v1h-1z";
      }
    }
  }
  const svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("viewBox", "0 0 " + size + " " + size);
  svg.setAttribute("class", "qr");
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", label);
  const background = document.createElementNS(SVG, "rect");
  background.setAttribute("width", String(size));
  background.setAttribute("height", String(size));
  background.setAttribute("fill", "#fff");
  const modules = document.createElementNS(SVG, "path");
  modules.setAttribute("d", path);
  modules.setAttribute("fill", "#000");
  svg.append(background, modules);
  return svg;
}
