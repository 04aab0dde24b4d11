using System.Reflection;
using Microsoft.CodeAnalysis;
using ValueChain.Testing;

namespace ValueChain.Ledger.Ethereum.Generators.Tests;

public sealed class AbiBindingsGeneratorTests
{
    // Overloads, C# keywords as names, unnamed parameters, small and odd integer sizes, nested and fixed
    // arrays, structs from a library, an indexed struct and bytes32, an error whose field is named like an
    // Exception member, a payable constructor, fallback and receive.
    private const string RichAbi = """
        [
          {"type":"constructor","stateMutability":"payable","inputs":[{"name":"owner","type":"address"}]},
          {"type":"function","name":"transfer","stateMutability":"nonpayable","inputs":[{"name":"to","type":"address"},{"name":"amount","type":"uint256"}],"outputs":[{"name":"","type":"bool"}]},
          {"type":"function","name":"transfer","stateMutability":"nonpayable","inputs":[{"name":"to","type":"address"},{"name":"amount","type":"uint256"},{"name":"memo","type":"string"}],"outputs":[]},
          {"type":"function","name":"event","stateMutability":"view","inputs":[{"name":"class","type":"int24"},{"name":"","type":"uint256[2][]"}],
           "outputs":[{"name":"","type":"tuple[3]","internalType":"struct Lib.Pair[3]","components":[{"name":"left","type":"uint8"},{"name":"right","type":"bytes"}]},{"name":"total","type":"int256"}]},
          {"type":"event","name":"Moved","anonymous":false,"inputs":[
            {"name":"pair","type":"tuple","indexed":true,"internalType":"struct Lib.Pair","components":[{"name":"left","type":"uint8"},{"name":"right","type":"bytes"}]},
            {"name":"key","type":"bytes32","indexed":true},{"name":"note","type":"string","indexed":false}]},
          {"type":"error","name":"Failed","inputs":[{"name":"code","type":"uint16"},{"name":"message","type":"string"}]},
          {"type":"fallback","stateMutability":"payable"},
          {"type":"receive","stateMutability":"payable"}
        ]
        """;

    [Fact]
    public void A_rich_abi_gives_a_binding_that_compiles_without_warnings()
    {
        var (generatorDiagnostics, output, result) = GeneratorHarness.Run(("/src/Contracts/Token.abi.json", RichAbi));

        Assert.Empty(generatorDiagnostics);
        Assert.Equal("Token.g.cs", Assert.Single(result.GeneratedSources).HintName);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    // A library's error may share its name with the contract's (OpenZeppelin's InsufficientBalance(uint256,uint256)
    // next to a token's InsufficientBalance(address,uint256,uint256)): both get a type, the second numbered.
    [Fact]
    public void Errors_and_events_of_the_same_name_get_distinct_types()
    {
        const string abi = """
            [
              {"type":"error","name":"InsufficientBalance","inputs":[{"name":"owner","type":"address"},{"name":"balance","type":"uint256"},{"name":"needed","type":"uint256"}]},
              {"type":"error","name":"InsufficientBalance","inputs":[{"name":"balance","type":"uint256"},{"name":"needed","type":"uint256"}]},
              {"type":"event","name":"Moved","anonymous":false,"inputs":[{"name":"amount","type":"uint256","indexed":false}]},
              {"type":"event","name":"Moved","anonymous":false,"inputs":[{"name":"to","type":"address","indexed":true}]}
            ]
            """;
        var (generatorDiagnostics, output, _) = GeneratorHarness.Run(("Market.abi.json", abi));

        Assert.Empty(generatorDiagnostics);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
        Assembly assembly = GeneratorHarness.Load(output);
        var errors = (IReadOnlyList<AbiError>)assembly.GetType("My.App.Contracts.Market", throwOnError: true)!.GetProperty("Errors")!.GetValue(null)!;
        Assert.Equal(["InsufficientBalance(address,uint256,uint256)", "InsufficientBalance(uint256,uint256)"], errors.Select(e => e.Signature));
        Assert.NotNull(assembly.GetType("My.App.Contracts.Market+InsufficientBalance2Exception"));
        Assert.NotNull(assembly.GetType("My.App.Contracts.Market+Moved2Event"));
    }

    // The generated API is what users compile against: a change to it must be deliberate. Run with
    // VALUECHAIN_UPDATE_GOLDEN=1 to rewrite the golden file after an intended change, and review the diff.
    [Fact]
    public void The_generated_source_matches_the_golden_file()
    {
        var (_, _, result) = GeneratorHarness.Run(("Token.abi.json", RichAbi));
        string generated = Assert.Single(result.GeneratedSources).SourceText.ToString();
        string golden = Path.Combine(RepositoryPaths.Root, "tests", "ValueChain.Ledger.Ethereum.Generators.Tests", "Golden", "Token.g.cs.txt");

        if (Environment.GetEnvironmentVariable("VALUECHAIN_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(golden, generated);
        }

        Assert.Equal(File.ReadAllText(golden), generated);
    }

    [Fact]
    public void The_generated_encoders_produce_the_standard_call_data()
    {
        var (_, output, _) = GeneratorHarness.Run(("Token.abi.json", RichAbi));
        Type token = GeneratorHarness.Load(output).GetType("My.App.Contracts.Token", throwOnError: true)!;
        Address to = Address.Parse("0x00000000000000000000000000000000000000aa");

        var data = (byte[])token.GetMethod("EncodeTransferCall", [typeof(Address), typeof(UInt256)])!.Invoke(null, [to, new UInt256(1000)])!;

        Assert.Equal(
            "0xa9059cbb" + "00000000000000000000000000000000000000000000000000000000000000aa" + "00000000000000000000000000000000000000000000000000000000000003e8",
            Hex.Encode(data));
        Assert.Equal(
            Hex.Encode(AbiEncoder.EncodeCall("transfer(address,uint256,string)", [AbiType.Parse("address"), AbiType.Parse("uint256"), AbiType.Parse("string")], [to, new UInt256(1), "x"])),
            Hex.Encode((byte[])token.GetMethod("EncodeTransferCall", [typeof(Address), typeof(UInt256), typeof(string)])!.Invoke(null, [to, new UInt256(1), "x"])!));
    }

    [Fact]
    public void The_generated_types_carry_the_abi_names_and_shapes()
    {
        var (_, output, _) = GeneratorHarness.Run(("Token.abi.json", RichAbi));
        Assembly assembly = GeneratorHarness.Load(output);
        Type token = assembly.GetType("My.App.Contracts.Token", throwOnError: true)!;

        Type pair = token.GetNestedType("Pair")!;
        Type moved = token.GetNestedType("MovedEvent")!;
        Type failed = token.GetNestedType("FailedException")!;
        var movedAbi = (AbiEvent)moved.GetProperty("Abi")!.GetValue(null)!;
        var failedAbi = (AbiError)failed.GetProperty("Abi")!.GetValue(null)!;
        MethodInfo eventCall = token.GetMethods().Single(m => m.Name == "EventAsync" && m.GetParameters().Length == 3);
        MethodInfo eventCallAtBlock = token.GetMethods().Single(m => m.Name == "EventAsync" && m.GetParameters().Length == 4);

        Assert.Equal([typeof(byte), typeof(byte[])], pair.GetConstructors().Single().GetParameters().Select(p => p.ParameterType));
        Assert.Equal("Moved((uint8,bytes),bytes32,string)", movedAbi.Signature);
        Assert.Equal(typeof(Hash32), moved.GetProperty("Pair")!.PropertyType); // an indexed struct is its hash
        Assert.Equal(typeof(Hash32), moved.GetProperty("Key")!.PropertyType);
        Assert.Equal("Failed(uint16,string)", failedAbi.Signature);
        Assert.Equal(typeof(ushort), failed.GetProperty("CodeValue")!.PropertyType);
        Assert.True(typeof(CustomErrorException).IsAssignableFrom(failed));
        Assert.Equal(["class", "item2", "cancellationToken"], eventCall.GetParameters().Select(p => p.Name));
        Assert.Equal(["class", "item2", "atBlock", "cancellationToken"], eventCallAtBlock.GetParameters().Select(p => p.Name));
        Assert.Equal(typeof(ulong?), eventCallAtBlock.GetParameters()[2].ParameterType);
        Assert.Equal(typeof(int), eventCall.GetParameters()[0].ParameterType);
        Assert.Equal(typeof(Task<>).MakeGenericType(token.GetNestedType("EventOutput")!), eventCall.ReturnType);
        Assert.NotNull(token.GetMethod("DeployAsync")!.GetParameters().SingleOrDefault(p => p.Name == "valueInWei"));
        Assert.NotNull(token.GetMethod("EstimateTransferAsync", [typeof(Address), typeof(UInt256), typeof(CancellationToken)]));
    }

    [Fact]
    public void A_custom_error_revert_decodes_into_the_generated_exception()
    {
        var (_, output, _) = GeneratorHarness.Run(("Token.abi.json", RichAbi));
        Type token = GeneratorHarness.Load(output).GetType("My.App.Contracts.Token", throwOnError: true)!;
        var errors = (IReadOnlyList<AbiError>)token.GetProperty("Errors")!.GetValue(null)!;
        byte[] revert = AbiEncoder.EncodeCall("Failed(uint16,string)", [AbiType.Parse("uint16"), AbiType.Parse("string")], [(ushort)404, "no such part"]);

        ContractRevertedException error = RevertDecoder.Decode(revert, errors);

        Assert.Equal("FailedException", error.GetType().Name);
        Assert.Equal((ushort)404, error.GetType().GetProperty("CodeValue")!.GetValue(error));
        Assert.Equal("no such part", error.GetType().GetProperty("MessageValue")!.GetValue(error)); // "Message" is the Exception's
        Assert.Equal("failed", error.Code);
    }

    [Theory]
    [InlineData("Broken.abi.json", "[ {\"type\": \"function\", ", "Invalid JSON")]
    [InlineData("Fixed.abi.json", "[{\"type\":\"function\",\"name\":\"f\",\"inputs\":[{\"name\":\"x\",\"type\":\"fixed128x18\"}],\"outputs\":[]}]", "fixed128x18")]
    [InlineData("Nameless.abi.json", "[{\"type\":\"event\",\"inputs\":[]}]", "no name")]
    [InlineData("my-contract.abi.json", "[]", "not a C# identifier")]
    [InlineData("Shape.abi.json", "{\"name\": \"x\"}", "JSON array")]
    public void An_invalid_abi_file_is_error_VCETH001_naming_the_file_and_the_problem(string file, string text, string problem)
    {
        var (diagnostics, _, result) = GeneratorHarness.Run((file, text));

        Diagnostic error = Assert.Single(diagnostics);
        Assert.Equal("VCETH001", error.Id);
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
        Assert.Contains(file, error.GetMessage(), StringComparison.Ordinal);
        Assert.Contains(problem, error.GetMessage(), StringComparison.Ordinal);
        Assert.Empty(result.GeneratedSources);
    }

    [Fact]
    public void Additional_files_that_are_not_abi_files_are_ignored()
    {
        var (diagnostics, _, result) = GeneratorHarness.Run(("notes.json", "not even json"), ("Token.abi.json", RichAbi));

        Assert.Empty(diagnostics);
        Assert.Equal(["Token.g.cs"], result.GeneratedSources.Select(s => s.HintName));
    }
}
