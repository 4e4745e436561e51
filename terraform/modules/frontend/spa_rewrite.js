// Viewer-request function for the SPA: a path whose last segment has no file extension is a
// client-side route, so the browser gets index.html and React Router takes over.
function handler(event) {
  var request = event.request;
  var lastSegment = request.uri.substring(request.uri.lastIndexOf('/') + 1);
  if (lastSegment.indexOf('.') === -1) {
    request.uri = '/index.html';
  }
  return request;
}
