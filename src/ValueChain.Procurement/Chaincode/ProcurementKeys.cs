using System.Globalization;
using ValueChain.Ledger;

namespace ValueChain.Procurement;

/// <summary>The chaincode's state keys; parts are joined by U+001F, which ids may not contain.</summary>
internal static class ProcurementKeys
{
    public static string Company(string id) => Join("company", id);

    public static string UserCompany(Address user) => Join("user-company", user.ToLowerHex());

    public static string InvitedCompany(Address invitee) => Join("invited-company", invitee.ToLowerHex());

    public static string Machine(string id) => Join("machine", id);

    public static string MachineByAddress(Address machine) => Join("machine-address", machine.ToLowerHex());

    public static readonly string QuotationCount = Join("quotation-count");

    public static string Quotation(long id) => Join("quotation", Number(id));

    public static string QuotationVersion(long id, int version) => Join("quotation-version", Number(id), version.ToString("D6", CultureInfo.InvariantCulture));

    public static string Approval(string companyId, long quotationId) => Join("approval", companyId, Number(quotationId));

    public static string Order(string id) => Join("order", id);

    public static string MachineOrder(string machineId, string orderId) => Join("machine-order", machineId, orderId);

    public static string OpenSlotOrder(string machineId, string materialNumber) => Join("open-slot-order", machineId, materialNumber);

    public static string Service(string id) => Join("service", id);

    public static string BookEntry(string machineId, long sequence) => Join("book", machineId, Number(sequence));

    public static string Grant(string machineId, Address grantee) => Join("grant", machineId, grantee.ToLowerHex());

    public static string Number(long value) => value.ToString("D12", CultureInfo.InvariantCulture);

    private static string Join(params string[] parts) => ChaincodeState.Key(parts);
}
