namespace ValueChain.AppMarket;

/// <summary>One entry of a device's history: what happened to which app, at which version, by whom and when.</summary>
/// <param name="DeviceId">The device.</param>
/// <param name="AppId">The app.</param>
/// <param name="Action">What happened.</param>
/// <param name="Version">The version concerned.</param>
/// <param name="By">Who did it (the technician, the company, or the submitter of the device's report).</param>
/// <param name="At">Ledger time.</param>
/// <param name="TransactionId">The transaction that recorded it.</param>
/// <param name="Remote">True when a technician requested it remotely, false on site.</param>
/// <param name="Detail">A reason (for a failure or a refused delivery), or null.</param>
public sealed record HistoryEntry(string DeviceId, string AppId, HistoryAction Action, AppVersion Version, Address By, DateTimeOffset At, TxId TransactionId, bool Remote, string? Detail);
