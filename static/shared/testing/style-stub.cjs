// Stylesheets imported by components (Atlaskit's compiled CSS) mean nothing to jsdom: jest maps them here.
module.exports = {};
