using ValueChain.Cryptography;

namespace ValueChain.Flexibility.Tests.DependencyInjection;

public sealed class FlexibilityOptionsValidatorTests
{
    private static readonly Address Tso = new EthereumSigner(PrivateKey.FromBytes(Keccak256.Hash("validator tso"u8).ToArray())).Address;
    private static readonly Address Other = new EthereumSigner(PrivateKey.FromBytes(Keccak256.Hash("validator other"u8).ToArray())).Address;

    [Fact]
    public void Options_with_one_verifier_and_the_defaults_are_valid()
    {
        Assert.True(new FlexibilityOptionsValidator().Validate(null, Valid()).Succeeded);
    }

    [Theory]
    [InlineData("no verifiers", "FlexibilityOptions.Verifiers needs at least one verifier (the TSO), who then whitelists the DSOs, fleet operators and meters: add one with Role = Verifier")]
    [InlineData("null verifier", "FlexibilityOptions.Verifiers[1] is null: remove it or give the verifier.")]
    [InlineData("zero address", "FlexibilityOptions.Verifiers[1] has no Address: set it to the verifier's signing address.")]
    [InlineData("repeated address", "FlexibilityOptions.Verifiers[1] repeats the address")]
    [InlineData("no name", "has no Name: set the verifier's name.")]
    [InlineData("not a verifier", "has the role FleetOperator: the market starts with verifiers only, so set Role = Verifier and let a verifier whitelist the others after start.")]
    [InlineData("no clock", "FlexibilityOptions.Clock must be set (MarketClock.Default is the published design).")]
    [InlineData("zero stage", "FlexibilityOptions.Clock.StageLength must be positive (the length of each of a round's three stages), not 00:00:00.")]
    [InlineData("gate closure as long as the stage", "FlexibilityOptions.Clock.GateClosure must be at least zero and shorter than Clock.StageLength (00:05:00), not 00:05:00.")]
    [InlineData("negative gate closure", "FlexibilityOptions.Clock.GateClosure must be at least zero and shorter than Clock.StageLength (00:05:00), not -00:00:01.")]
    [InlineData("chain id 0", "FlexibilityOptions.ChainId must not be 0: set the chain id of the energy transfer records' EIP-712 domain (on Ethereum, the chain's id; 31337 by default).")]
    [InlineData("negative penalty grace", "FlexibilityOptions.PenaltyGrace must not be negative (how long after an offer's delivery window the buyer waits to enforce the penalty), not -01:00:00.")]
    public void Each_rule_names_the_setting_and_what_to_change_at_start_up_and_in_the_chaincode(string broken, string message)
    {
        FlexibilityOptions options = Valid();
        Break(options, broken);

        Microsoft.Extensions.Options.ValidateOptionsResult result = new FlexibilityOptionsValidator().Validate(null, options);
        var error = Assert.Throws<ConfigurationException>(() => new FlexibilityChaincode(options));

        Assert.True(result.Failed);
        Assert.Single(result.Failures!, f => f.Contains(message, StringComparison.Ordinal));
        Assert.Equal(ErrorCodes.Configuration, error.Code);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    private static FlexibilityOptions Valid()
    {
        var options = new FlexibilityOptions();
        options.Verifiers.Add(new MarketParticipant(Tso, MarketRole.Verifier, "TSO"));
        return options;
    }

    private static void Break(FlexibilityOptions options, string broken)
    {
        switch (broken)
        {
            case "no verifiers": options.Verifiers.Clear(); break;
            case "null verifier": options.Verifiers.Add(null!); break;
            case "zero address": options.Verifiers.Add(new MarketParticipant(Address.Zero, MarketRole.Verifier, "Nobody")); break;
            case "repeated address": options.Verifiers.Add(new MarketParticipant(Tso, MarketRole.Verifier, "TSO again")); break;
            case "no name": options.Verifiers.Add(new MarketParticipant(Other, MarketRole.Verifier, "")); break;
            case "not a verifier": options.Verifiers.Add(new MarketParticipant(Other, MarketRole.FleetOperator, "Fleet")); break;
            case "no clock": options.Clock = null!; break;
            case "zero stage": options.Clock = MarketClock.Default with { StageLength = TimeSpan.Zero }; break;
            case "gate closure as long as the stage": options.Clock = MarketClock.Default with { GateClosure = TimeSpan.FromMinutes(5) }; break;
            case "negative gate closure": options.Clock = MarketClock.Default with { GateClosure = TimeSpan.FromSeconds(-1) }; break;
            case "chain id 0": options.ChainId = 0; break;
            case "negative penalty grace": options.PenaltyGrace = TimeSpan.FromHours(-1); break;
            default: throw new ArgumentOutOfRangeException(nameof(broken), broken, "no such case");
        }
    }
}
