using System.Globalization;
using System.Text;
using ValueChain.Cryptography;
using ValueChain.Ledger;

namespace ValueChain.AppMarket;

public sealed partial class AppMarketChaincode
{
    /// <summary>
    /// A device's signed report of an install's outcome, relayed by anyone (the IoT manager): the signature must
    /// recover the device's key and the counter be above the device's last. A successful first install activates the
    /// app and pays a held price; a failed or rolled-back one refunds it. An update moves the installation to the new
    /// version, or leaves it on the old one.
    /// </summary>
    private async Task<string?> ReportInstallAsync(ChaincodeState state, InstallReportArgs args)
    {
        InstallReport report = args.Report ?? throw new ChaincodeException(ErrorCodes.InvalidFormat, "Report is missing.");
        if (!Enum.IsDefined(report.Outcome))
        {
            throw new ChaincodeException(ErrorCodes.InvalidFormat, $"Report.Outcome must be one of {string.Join(", ", Enum.GetNames<InstallOutcome>())}, not {report.Outcome}.");
        }

        Device device = await RequireDeviceAsync(state, report.DeviceId);
        if (RecoverDevice(report.Digest(ReportDomain), args.Signature) != device.Key)
        {
            throw new ChaincodeException(ErrorCodes.InvalidSignature, $"The install report is not signed by the key of device {device.DeviceId}.");
        }

        ulong last = await ReportCounterAsync(state, device.DeviceId);
        if (report.Counter <= last)
        {
            throw new ChaincodeException(AppMarketErrorCodes.ReportReplayed, $"Device {device.DeviceId} already reported counter {last}; report counter {report.Counter} is a replay.");
        }

        Installation installation = await RequireInstallationAsync(state, device.DeviceId, report.AppId);
        IPaymentModel model = ModelOf(installation.Pricing);
        PaymentLedger payments = Payments(state);
        bool installed = report.Outcome == InstallOutcome.Installed;
        HistoryAction failure = report.Outcome == InstallOutcome.RolledBack ? HistoryAction.RolledBack : HistoryAction.Failed;
        (Installation after, string eventName, HistoryAction action) = installation switch
        {
            { Status: InstallationStatus.Requested } when installation.Version == report.Version => installed
                ? (await model.InstalledAsync(payments, installation) with { Status = InstallationStatus.Installed, Active = true, InstalledAt = state.Context.Timestamp }, AppMarketEvents.Installed, HistoryAction.Installed)
                : (await model.NotInstalledAsync(payments, installation) with { Status = InstallationStatus.Failed }, FailureEvent(failure), failure),
            { Status: InstallationStatus.UpdateRequested } when installation.PendingVersion == report.Version => installed
                ? (installation with { Status = InstallationStatus.Installed, Version = report.Version, PendingVersion = null }, AppMarketEvents.Updated, HistoryAction.Updated)
                : (installation with { Status = InstallationStatus.Installed, PendingVersion = null }, FailureEvent(failure), failure),
            _ => throw new ChaincodeException(ErrorCodes.Conflict, $"No install or update of {report.AppId} {report.Version} is pending on device {device.DeviceId} ({installation.Status})."),
        };
        await SetReportCounterAsync(state, device.DeviceId, report.Counter);
        await SaveAsync(state, after, eventName, action, report.Version, device.Key, false, null);
        return null;
    }

    private static string FailureEvent(HistoryAction failure) => failure == HistoryAction.RolledBack ? AppMarketEvents.RolledBack : AppMarketEvents.InstallFailed;

    /// <summary>
    /// Settles many devices' signed usage reports in one transaction, in order. Each report pays its units above the
    /// installation's settled total at the unit price, from the company to the developer. A report that fails a check
    /// pays nothing and is recorded; the batch goes on.
    /// </summary>
    private async Task<SettleResult> SettleUsageAsync(ChaincodeState state, SettleArgs args)
    {
        IReadOnlyList<UsageReportArgs> reports = args.Reports ?? [];
        if (reports.Count == 0 || reports.Count > _options.MaxReportsPerSettlement)
        {
            throw new ChaincodeException(ErrorCodes.InvalidFormat, $"Reports must hold 1 to {_options.MaxReportsPerSettlement} usage reports, not {reports.Count}.");
        }

        var settlements = new List<UsageSettlement>(reports.Count);
        for (int i = 0; i < reports.Count; i++)
        {
            UsageReport report = reports[i].Report ?? throw new ChaincodeException(ErrorCodes.InvalidFormat, $"Reports[{i}].Report is missing.");
            AppMarketRules.RequireId(report.DeviceId, $"Reports[{i}].Report.DeviceId");
            AppMarketRules.RequireId(report.AppId, $"Reports[{i}].Report.AppId");
            (UsageSettlement settlement, Installation? paid) = await SettleOneAsync(state, report, reports[i].Signature);
            settlements.Add(settlement);
            if (settlement.Rejection is not null)
            {
                await state.PutAsync(AppMarketKeys.UsageRejection(report.DeviceId, state.Context.TransactionId.ToString(), i), settlement, Json.UsageSettlement);
                state.Emit(AppMarketEvents.UsageRejected, settlement, Json.UsageSettlement);
            }
            else
            {
                await state.PutAsync(AppMarketKeys.Installation(paid!.DeviceId, paid.AppId), paid, Json.Installation);
                state.Emit(AppMarketEvents.UsageSettled, settlement, Json.UsageSettlement);
            }
        }

        return new SettleResult(settlements);
    }

    private async Task<(UsageSettlement Settlement, Installation? Paid)> SettleOneAsync(ChaincodeState state, UsageReport report, string signature)
    {
        UsageSettlement Rejected(UsageRejectionReason reason) => new(report.DeviceId, report.AppId, report.Counter, 0, UInt256.Zero, reason);

        if (await state.GetAsync(AppMarketKeys.Device(report.DeviceId), Json.Device) is not { } device)
        {
            return (Rejected(UsageRejectionReason.UnknownDevice), null);
        }

        if (RecoverDevice(report.Digest(ReportDomain), signature) != device.Key)
        {
            return (Rejected(UsageRejectionReason.InvalidSignature), null);
        }

        if (report.Counter <= await ReportCounterAsync(state, device.DeviceId))
        {
            return (Rejected(UsageRejectionReason.Replayed), null);
        }

        if (await InstallationAsync(state, device.DeviceId, report.AppId) is not { InstalledAt: not null } installation)
        {
            return (Rejected(UsageRejectionReason.NotInstalled), null);
        }

        IPaymentModel model = ModelOf(installation.Pricing);
        if (!model.MetersUsage)
        {
            return (Rejected(UsageRejectionReason.NotPayPerUse), null);
        }

        if (report.Units < installation.UsageUnits)
        {
            return (Rejected(UsageRejectionReason.LowerUsage), null);
        }

        ulong units = report.Units - installation.UsageUnits;
        UInt256 price = model.UsagePrice(installation, units);
        PaymentLedger payments = Payments(state);
        if (!await payments.CanPayAsync(installation.Company, price))
        {
            return (Rejected(UsageRejectionReason.InsufficientFunds), null);
        }

        await payments.PayAsync(installation, price);
        await SetReportCounterAsync(state, device.DeviceId, report.Counter);
        return (new UsageSettlement(report.DeviceId, report.AppId, report.Counter, units, price, null), installation with { UsageUnits = report.Units });
    }

    // The ecrecover precompile's rules, as on Ethereum: a malformed signature recovers nothing.
    private static Address RecoverDevice(Hash32 digest, string signature)
    {
        try
        {
            return Secp256k1.TryRecoverAddress(digest, RecoverableSignature.Parse(signature ?? ""), RecoveryMode.Precompile, out Address signer) ? signer : Address.Zero;
        }
        catch (ValueChainException)
        {
            return Address.Zero;
        }
    }

    private static async Task<ulong> ReportCounterAsync(ChaincodeState state, string deviceId)
    {
        ReadOnlyMemory<byte>? raw = await state.Context.GetStateAsync(AppMarketKeys.ReportCounter(deviceId));
        return raw is null ? 0 : ulong.Parse(Encoding.UTF8.GetString(raw.Value.Span), CultureInfo.InvariantCulture);
    }

    private static Task SetReportCounterAsync(ChaincodeState state, string deviceId, ulong counter) =>
        state.Context.PutStateAsync(AppMarketKeys.ReportCounter(deviceId), Encoding.UTF8.GetBytes(counter.ToString(CultureInfo.InvariantCulture))).AsTask();
}
