// The gateway's own document; "Authorize" takes a bearer token, which "Try it out" then sends.
window.onload = () => {
  window.ui = SwaggerUIBundle({
    url: '/q/openapi',
    dom_id: '#swagger-ui',
    deepLinking: true,
    presets: [SwaggerUIBundle.presets.apis],
    layout: 'BaseLayout',
  });
};
