using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ValueChain.Cli.FabricCommands;

/// <summary>
/// The applications whose chaincode <c>valuechain fabric serve</c> can run: each added with its own
/// <c>AddX(IConfiguration)</c>, the options bound from the section <c>ValueChain:&lt;Application&gt;</c> of the options file.
/// </summary>
internal static class ServedChaincodes
{
    public static IReadOnlyDictionary<string, (string Section, Action<ValueChainBuilder, IConfiguration> Add)> All { get; } =
        new Dictionary<string, (string, Action<ValueChainBuilder, IConfiguration>)>(StringComparer.OrdinalIgnoreCase)
        {
            ["traceability"] = ("Traceability", (vc, options) => vc.AddTraceability(options)),
            ["flexibility"] = ("Flexibility", (vc, options) => vc.AddFlexibility(options)),
            ["v2v"] = ("V2V", (vc, options) => vc.AddV2V(options)),
            ["procurement"] = ("Procurement", (vc, options) => vc.AddProcurement(options)),
            ["appmarket"] = ("AppMarket", (vc, options) => vc.AddAppMarket(options)),
        };
}
