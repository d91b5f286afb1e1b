// The validate_doc_update functions the server enforces, generated per site:
// the site id is baked into each database's design document, so a tablet's
// role `site:<id>` must match the database it writes to. The server, not the
// client, keeps the log append-only and the library author-only. Written in
// ES5 so any CouchDB JavaScript engine (QuickJS, SpiderMonkey) runs them.
// Server admins pass: they are the trust root (they could rewrite these very
// documents), and they may need to repair or erase data under the trust's policy.

/** Bumped when a guard's rules change, so setup replaces older design documents. */
export const GUARD_VERSION = 1;

export function logGuard(siteId: string): string {
  return `function (newDoc, oldDoc, userCtx, secObj) {
  var SITE = ${JSON.stringify(siteId)};
  var roles = userCtx.roles || [];
  function refuse(why) { throw({ forbidden: why }); }
  function text(value) { return typeof value === 'string' && value.length > 0 && value.length <= 200; }
  function finite(value) { return typeof value === 'number' && isFinite(value); }
  function pad8(n) { var s = String(n); while (s.length < 8) s = '0' + s; return s; }
  if (roles.indexOf('_admin') !== -1) return;
  if (newDoc._deleted) refuse('The log is append-only: ' + newDoc._id + ' cannot be deleted.');
  if (oldDoc) refuse('The log is append-only: ' + newDoc._id + ' is already stored and cannot be changed.');
  if (typeof newDoc._rev === 'string' && newDoc._rev.indexOf('1-') !== 0) refuse('The log is append-only: ' + newDoc._id + ' arrived as a later revision, which is an update.');
  if (roles.indexOf('device') === -1 || roles.indexOf('site:' + SITE) === -1) refuse('Only a tablet enrolled at site ' + SITE + ' may write to its log.');
  if (newDoc.siteId !== SITE) refuse('This log belongs to site ' + SITE + '; the document names site ' + newDoc.siteId + '.');
  if (newDoc.account !== userCtx.name) refuse('The document names account ' + newDoc.account + ' but was written by ' + userCtx.name + '.');
  if (!text(newDoc.deviceId)) refuse('The document has no device id.');
  if (newDoc.type === 'episode') {
    var ep = newDoc.episode;
    if (!ep || typeof ep !== 'object' || !text(ep.id)) refuse('An episode document needs episode.id.');
    if (newDoc._id !== 'ep:' + ep.id) refuse('An episode document must be stored as ep:<episode id>.');
    if (!text(ep.sopId)) refuse('An episode document needs episode.sopId.');
    if (finite(ep.startedAt) === false) refuse('An episode document needs episode.startedAt.');
    return;
  }
  if (newDoc.type === 'event') {
    var ev = newDoc.event;
    if (!ev || typeof ev !== 'object') refuse('An event document needs its event.');
    if (!text(ev.episodeId) || !text(ev.id) || !text(ev.type)) refuse('An event needs episodeId, id and type.');
    if (typeof ev.seq !== 'number' || ev.seq < 1 || ev.seq % 1 !== 0) refuse('An event needs a whole sequence number from 1.');
    if (newDoc._id !== 'ev:' + ev.episodeId + ':' + pad8(ev.seq)) refuse('An event document must be stored as ev:<episode id>:<8-digit seq>.');
    if (!/^[0-9a-f]{64}$/.test(ev.hash) || !/^[0-9a-f]{64}$/.test(ev.prevHash)) refuse('An event needs its hash and previous hash.');
    if (!finite(ev.at) || !finite(ev.mono)) refuse('An event needs its times.');
    if (typeof ev.stepId !== 'string' || !ev.data || typeof ev.data !== 'object') refuse('An event needs stepId and data.');
    return;
  }
  refuse('Only episode and event documents belong in a site log.');
}`;
}

export function libraryGuard(siteId: string): string {
  return `function (newDoc, oldDoc, userCtx, secObj) {
  var SITE = ${JSON.stringify(siteId)};
  var roles = userCtx.roles || [];
  function refuse(why) { throw({ forbidden: why }); }
  function text(value) { return typeof value === 'string' && value.length > 0 && value.length <= 200; }
  if (roles.indexOf('_admin') !== -1) return;
  if (roles.indexOf('author') === -1) refuse('Only a network SOP author may publish to the library of site ' + SITE + '.');
  var id = newDoc._id;
  if (newDoc._deleted) {
    if (id.indexOf('sop:') === 0) refuse('A published SOP version is never deleted: publish a withdrawal instead.');
    return;
  }
  var type = newDoc.type;
  if (type === 'sop') {
    if (!text(newDoc.sopId) || !text(newDoc.version)) refuse('A SOP document needs sopId and version.');
    if (id !== 'sop:' + newDoc.sopId + ':' + newDoc.version) refuse('A SOP document must be stored as sop:<sopId>:<version>.');
    if (!newDoc.document || typeof newDoc.document !== 'object') refuse('A SOP document needs the SOP itself in document.');
    if (oldDoc && !oldDoc._deleted && JSON.stringify(oldDoc.document) !== JSON.stringify(newDoc.document)) refuse('SOP ' + newDoc.sopId + ' version ' + newDoc.version + ' is already published and cannot be changed: publish a new version or withdraw it.');
    return;
  }
  if (type === 'directory') {
    if (id !== 'directory') refuse('The contacts directory must be stored as directory.');
    if (!newDoc.file || typeof newDoc.file !== 'object') refuse('The directory document needs its file.');
    return;
  }
  if (type === 'defaults') {
    if (id !== 'defaults') refuse('The session defaults must be stored as defaults.');
    return;
  }
  if (type === 'withdrawal') {
    if (!text(newDoc.sopId) || !text(newDoc.version)) refuse('A withdrawal needs sopId and version.');
    if (id !== 'withdrawn:' + newDoc.sopId + ':' + newDoc.version) refuse('A withdrawal must be stored as withdrawn:<sopId>:<version>.');
    return;
  }
  refuse('Only sop, directory, defaults and withdrawal documents belong in a site library.');
}`;
}

export function networkGuard(): string {
  return `function (newDoc, oldDoc, userCtx, secObj) {
  if ((userCtx.roles || []).indexOf('_admin') !== -1) return;
  throw({ forbidden: 'Only a server administrator changes the network document (sites and trust list).' });
}`;
}
