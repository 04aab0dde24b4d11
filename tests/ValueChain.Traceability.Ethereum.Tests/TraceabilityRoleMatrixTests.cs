using ValueChain.Cryptography;
using ValueChain.Traceability.Ethereum.Contracts;
using ValueChain.Testing;

namespace ValueChain.Traceability.Ethereum.Tests;

// Inside the namespace, so that the contract's structs (Location, Part …) win over the application's models of the same names.
using static ValueChain.Traceability.Ethereum.Contracts.Traceability;
using OnChain = ValueChain.Traceability.Ethereum.Contracts.Traceability;

// Every PartChain function that the spec reserves to some roles (or to the network-admin right), called by each
// role it does not allow — an OEM with the admin right, a supplier and an LSP without it, and an outsider: each is
// refused with "unauthorized" before anything else is looked at (ids, state).
public sealed class TraceabilityRoleMatrixTests(AnvilNode anvil) : IClassFixture<AnvilNode>, IDisposable
{
    private static readonly string[] Roles = ["oem", "supplier", "lsp", "stranger"];

    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["invite"] = ["oem"], // the admin right, which only the OEM holds here
        ["approveInvitation"] = ["oem"],
        ["revoke"] = ["oem"],
        ["proposeCorrection"] = ["oem"],
        ["approveCorrection"] = ["oem"],
        ["registerParts"] = ["oem", "supplier"],
        ["assemble"] = ["oem", "supplier"],
        ["recallBatch"] = ["oem", "supplier"],
        ["placeOrder"] = ["oem", "supplier"],
        ["acceptDelivery"] = ["oem", "supplier"],
        ["declineOrder"] = ["supplier"],
        ["createDelivery"] = ["supplier"],
        ["pickUp"] = ["lsp"],
        ["scan"] = ["oem", "supplier", "lsp"],
        ["correctCustody"] = [], // the corrections contract only
    };

    private readonly HttpClient _http = new();

    public void Dispose() => _http.Dispose();

    public static TheoryData<string, string> Refused()
    {
        var data = new TheoryData<string, string>();
        foreach ((string function, string[] allowed) in Allowed)
        {
            foreach (string role in Roles.Except(allowed))
            {
                data.Add(function, role);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task A_role_the_spec_does_not_allow_is_refused(string function, string role)
    {
        (OnChain asOem, OnChain asSupplier, OnChain asLsp) = await TraceabilitySetup.DeployAsync(anvil, _http);
        OnChain chain = role switch
        {
            "oem" => asOem,
            "supplier" => asSupplier,
            "lsp" => asLsp,
            _ => new OnChain(await AnvilClients.FundedClientAsync(anvil, _http), asOem.Address),
        };
        var corrections = new TraceabilityCorrections(chain.Client, await asOem.CorrectionsAsync(Cancel));
        Address someone = PrivateKey.Generate().Address;
        var here = new Location(1, 2, "Dock");

        var error = await Assert.ThrowsAnyAsync<CustomErrorException>(() => function switch
        {
            "invite" => chain.InviteAsync(someone, "New", 2, false, Cancel),
            "approveInvitation" => chain.ApproveInvitationAsync(someone, Cancel),
            "revoke" => chain.RevokeAsync(asLsp.Client.Account!.Value, Cancel),
            "proposeCorrection" => corrections.ProposeCorrectionAsync("K-1", "P-1", someone, "reason", Cancel),
            "approveCorrection" => corrections.ApproveCorrectionAsync("K-1", Cancel),
            "registerParts" => chain.RegisterPartsAsync([new("P-1", "N", "B", 1)], here, Cancel),
            "assemble" => chain.AssembleAsync("A-1", ["P-1"], here, Cancel),
            "recallBatch" => chain.RecallBatchAsync("B", Cancel),
            "placeOrder" => chain.PlaceOrderAsync("O-1", asSupplier.Client.Account!.Value, "N", 1, 2_000_000_000, Cancel),
            "acceptDelivery" => chain.AcceptDeliveryAsync("D-1", ["P-1"], here, Cancel),
            "declineOrder" => chain.DeclineOrderAsync("O-1", Cancel),
            "createDelivery" => chain.CreateDeliveryAsync("D-1", "O-1", asLsp.Client.Account!.Value, ["P-1"], Cancel),
            "pickUp" => chain.PickUpAsync("D-1", ["P-1"], here, Cancel),
            "scan" => chain.ScanAsync("P-1", here, Cancel),
            "correctCustody" => chain.CorrectCustodyAsync("P-1", someone, someone, someone, Cancel),
            _ => throw new ArgumentOutOfRangeException(nameof(function), function, null),
        });

        Assert.Equal(ErrorCodes.Unauthorized, error.Code);
    }

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;
}
