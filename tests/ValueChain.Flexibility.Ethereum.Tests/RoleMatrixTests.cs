using ValueChain.Cryptography;
using ValueChain.Flexibility.Ethereum.Contracts;
using ValueChain.Testing;

namespace ValueChain.Flexibility.Ethereum.Tests;

// Every market function that the spec reserves to some roles, called by each role it does not allow:
// each is refused with "unauthorized" before anything else is looked at (stage, arguments, state).
public sealed class RoleMatrixTests(AnvilNode anvil) : IClassFixture<AnvilNode>, IDisposable
{
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["whitelist.addParticipant"] = ["verifier"],
        ["whitelist.removeParticipant"] = ["verifier"],
        ["whitelist.addMeter"] = ["verifier"],
        ["whitelist.addP256Meter"] = ["verifier"],
        ["whitelist.removeMeter"] = ["verifier"],
        ["token.mint"] = ["verifier"],
        ["token.setPlatform"] = ["verifier"],
        ["token.transfer"] = ["verifier", "dso", "fleetOperator"],
        ["token.approve"] = ["verifier", "dso", "fleetOperator"],
        ["token.transferFrom"] = ["verifier", "dso", "fleetOperator"],
        ["platform.makeOffer"] = ["fleetOperator"],
        ["platform.makeCommittedOffer"] = ["fleetOperator"],
        ["platform.bid"] = ["verifier", "dso"],
        ["platform.createContract"] = ["fleetOperator"],
        ["platform.useNonce"] = [], // payment contracts only
    };

    private readonly HttpClient _http = new();

    public void Dispose() => _http.Dispose();

    public static TheoryData<string, string> Refused()
    {
        var data = new TheoryData<string, string>();
        foreach ((string function, string[] allowed) in Allowed)
        {
            foreach (string role in new[] { "verifier", "dso", "fleetOperator", "stranger" }.Except(allowed))
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
        FlexibilitySetup market = await FlexibilitySetup.DeployAsync(anvil, _http, funded: false);
        EthereumClient caller = role switch
        {
            "verifier" => market.Verifier,
            "dso" => market.Dso,
            "fleetOperator" => market.FleetOperator,
            _ => market.Stranger,
        };
        Address someone = PrivateKey.Generate().Address;
        var terms = new FlexPlatform.FlexPlatformTerms(1, 0, 1, default, 0, 1, 1, 0);

        var error = await Assert.ThrowsAnyAsync<CustomErrorException>(() => function switch
        {
            "whitelist.addParticipant" => market.Whitelist(caller).AddParticipantAsync(someone, 2, "x", Cancel),
            "whitelist.removeParticipant" => market.Whitelist(caller).RemoveParticipantAsync(market.Dso.Account!.Value, Cancel),
            "whitelist.addMeter" => market.Whitelist(caller).AddMeterAsync(someone, default, Cancel),
            "whitelist.addP256Meter" => market.Whitelist(caller).AddP256MeterAsync([0x04, .. new byte[64]], Keccak256.Hash([1]), Cancel),
            "whitelist.removeMeter" => market.Whitelist(caller).RemoveMeterAsync(someone, Cancel),
            "token.mint" => market.Token(caller).MintAsync(someone, 1, Cancel),
            "token.setPlatform" => market.Token(caller).SetPlatformAsync(someone, Cancel),
            "token.transfer" => market.Token(caller).TransferAsync(someone, 0, Cancel),
            "token.approve" => market.Token(caller).ApproveAsync(someone, 1, Cancel),
            "token.transferFrom" => market.Token(caller).TransferFromAsync(someone, someone, 0, Cancel),
            "platform.makeOffer" => market.Platform(caller).MakeOfferAsync(terms, Cancel),
            "platform.makeCommittedOffer" => market.Platform(caller).MakeCommittedOfferAsync(Keccak256.Hash([2]), Cancel),
            "platform.bid" => market.Platform(caller).BidAsync(1, 1, Cancel),
            "platform.createContract" => market.Platform(caller).CreateContractAsync(1, terms, default, Cancel),
            "platform.useNonce" => market.Platform(caller).UseNonceAsync(someone, 1, Cancel),
            _ => throw new ArgumentOutOfRangeException(nameof(function), function, null),
        });

        Assert.Equal(ErrorCodes.Unauthorized, error.Code);
    }

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;
}
