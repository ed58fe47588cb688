// Runs before the app's own scripts have loaded (it is not bundled: see index.html). It asks the browser to open
// the app's IndexedDB database, so that the storage process has it open — its files read, its connection to this
// page made — by the time the app opens it. It creates nothing: on a first start it leaves that to the app.
// The name must be the app's DATABASE_NAME (src/db/database.ts); a unit test checks it.
try {
  const request = indexedDB.open('thirtyfold');
  request.onupgradeneeded = () => request.transaction?.abort();
  request.onsuccess = () => request.result.close();
  request.onerror = (event) => event.preventDefault();
} catch {
  // No IndexedDB here: the app says so when it opens the database itself.
}
