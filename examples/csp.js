// examples/csp.html: the gallery under a strict CSP. Counts the policy violations the page
// reports (shown on the page and kept in window.cspViolations for the test).
const status = document.getElementById('csp-status');
window.cspViolations = window.cspViolations ?? [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.cspViolations.push(`${e.violatedDirective}: ${e.blockedURI || e.sample || '(inline)'}`);
  status.textContent = `Policy violations: ${window.cspViolations.length} (${window.cspViolations.slice(-3).join('; ')})`;
});

const files = [
  ['LadyBird.jpg', 2560, 1600, 'Ladybird'],
  ['Garden.jpg', 2560, 1600, 'Marigold'],
  ['Aqua.jpg', 2560, 1600, 'Water drop'],
  ['Dune.jpg', 1680, 1050, 'Dune grass'],
  ['TwoWings.jpg', 2560, 1600, 'Two wings'],
  ['YellowFlower.jpg', 2560, 1600, 'Yellow flower'],
];
const gallery = document.getElementById('csp-gallery');
gallery.items = files.map(([file, width, height, caption]) => ({
  src: `photos/${file}`,
  width,
  height,
  caption,
  // A ThumbHash placeholder: decoded to a data: URL and set as a CSS background.
  placeholder: '1QcSHQRnh493V4dIh4eXh1h4kJUI',
}));
