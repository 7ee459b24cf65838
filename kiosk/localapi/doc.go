// Package localapi is the agent's API on a unix socket, for kioskctl and health checks:
// the server the agent runs as a service and the client kioskctl uses. It is reachable
// only from the terminal itself (the socket's mode is 0660). Simulator controls are
// offered only when the agent runs a simulated device.
package localapi
