'use strict';
// Accord validates its manifest offline and never stores Atlassian credentials: every call explains that.
const unavailable = async () => {
  throw new Error('keytar is stubbed in Accord: the Forge CLI credential store is not available here');
};
module.exports = {
  getPassword: unavailable,
  setPassword: unavailable,
  deletePassword: unavailable,
  findPassword: unavailable,
  findCredentials: unavailable,
};
