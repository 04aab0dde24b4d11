using System.Text.Json.Nodes;
using Spectre.Console;
using ValueChain.Cli.Demos.Ledgers;
using ValueChain.Cryptography;

namespace ValueChain.Cli.Demos;

/// <summary>
/// Identities and signatures as every application uses them: keys derived from one seed, a smart
/// meter's EIP-712 record signed and its signer recovered, and a tampered record caught.
/// </summary>
internal sealed class IdentityDemo : IDemo
{
    public string Name => "identity";

    public string Description => "Keys, addresses and an EIP-712 meter record signed and verified as on-chain";

    public Task RunAsync(IAnsiConsole console, DemoLedgerChoice ledgers, CancellationToken cancellationToken)
    {
        // A fixed demo seed, so that every run shows the same addresses.
        ExtendedKey root = ExtendedKey.FromSeed(Keccak256.Hash("valuechain demo seed"u8).ToArray());
        var participants = new (string Role, string Path)[]
        {
            ("OEM", "m/44'/60'/0'/0/0"),
            ("Tier-1 supplier", "m/44'/60'/0'/0/1"),
            ("Smart meter", "m/44'/60'/1'/0/0"),
        }.Select(p => (p.Role, p.Path, Key: root.Derive(p.Path))).ToList();

        var keys = new Table().Title("Participants (BIP-32 keys from one seed)").AddColumns("Role", "Path", "Address");
        foreach ((string role, string path, ExtendedKey key) in participants)
        {
            keys.AddRow(role, path, key.Address.ToString());
        }

        console.Write(keys);

        PrivateKey meter = participants[2].Key.PrivateKey!;
        Eip712TypedData record = EnergyRecord(participants[0].Key.Address, energyWh: 72_300);
        RecoverableSignature signature = Eip712.Sign(meter, record);
        Address recovered = Eip712.RecoverSigner(record, signature);
        Eip712TypedData tampered = EnergyRecord(participants[0].Key.Address, energyWh: 99_300);
        Address tamperedSigner = Eip712.RecoverSigner(tampered, signature);

        var checks = new Table().Title("EIP-712 energy transfer record").AddColumns("Step", "Result");
        checks.AddRow("Digest", record.Digest().ToString());
        checks.AddRow("Signature (r ‖ s ‖ v)", signature.ToString()[..42] + "…");
        checks.AddRow("Recovered signer", recovered == meter.Address ? $"[green]{recovered} (the meter)[/]" : $"[red]{recovered}[/]");
        checks.AddRow("Energy changed to 99 300 Wh", tamperedSigner != meter.Address ? $"[green]rejected: recovers {tamperedSigner}[/]" : "[red]accepted[/]");
        console.Write(checks);
        return Task.CompletedTask;
    }

    private static Eip712TypedData EnergyRecord(Address fleetOperator, long energyWh) => new(
        new Eip712Domain { Name = "ValueChain.Flexibility", Version = "1", ChainId = 31337 },
        new Dictionary<string, IReadOnlyList<Eip712Field>>
        {
            ["Record"] = [new("fleetOperator", "address"), new("energyWh", "uint64"), new("nonce", "uint256")],
        },
        "Record",
        new JsonObject { ["fleetOperator"] = fleetOperator.ToString(), ["energyWh"] = energyWh, ["nonce"] = 1 });
}
