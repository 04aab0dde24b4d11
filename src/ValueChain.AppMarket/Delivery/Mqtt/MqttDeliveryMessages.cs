namespace ValueChain.AppMarket;

// What the manager and a device agent send each other over MQTT, as JSON (chunks travel as raw bytes on their own topics).

// An order: the app record the ledger holds, how the binary is cut, and each chunk's SHA-256 so the device checks every chunk as it arrives.
internal sealed record OrderMessage(string TransferId, string DeviceId, AppRecord App, bool Remove, int ChunkSize, IReadOnlyList<string> ChunkHashes);

// A device's request for the chunks of a transfer it still lacks.
internal sealed record ChunkRequestMessage(string TransferId, IReadOnlyList<int> Indexes);

// A device's signed report of a transfer's outcome.
internal sealed record ReportMessage(string TransferId, InstallReportArgs Report);
