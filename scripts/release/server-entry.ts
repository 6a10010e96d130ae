// The release bundle's server.mjs: the standalone configuration first, then the portal's
// own server entry (scripts/server.ts), unchanged. Imports run in this order.
import "./use-standalone-config";
import "../server";
