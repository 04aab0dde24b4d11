using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace ValueChain.Ledger.Ethereum.Generators.Tests;

/// <summary>Runs the generator as the compiler does, on in-memory ABI files, and compiles its output.</summary>
internal static class GeneratorHarness
{
    private static readonly ImmutableArray<MetadataReference> References =
    [
        .. ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator).Select(p => MetadataReference.CreateFromFile(p)),
        MetadataReference.CreateFromFile(typeof(EthereumClient).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(Address).Assembly.Location),
    ];

    public static (ImmutableArray<Diagnostic> GeneratorDiagnostics, Compilation Output, GeneratorRunResult Result) Run(params (string Path, string Text)[] files)
    {
        var compilation = CSharpCompilation.Create(
            "GeneratedBindings" + Guid.NewGuid().ToString("N"),
            [],
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            [new AbiBindingsGenerator().AsSourceGenerator()],
            [.. files.Select(f => (AdditionalText)new InMemoryText(f.Path, f.Text))],
            new CSharpParseOptions(LanguageVersion.Preview),
            new RootNamespaceOptions("My.App"));
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out ImmutableArray<Diagnostic> diagnostics);
        return (diagnostics, output, driver.GetRunResult().Results.Single());
    }

    public static Assembly Load(Compilation compilation)
    {
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        image.Position = 0;
        return AssemblyLoadContext.Default.LoadFromStream(image);
    }

    private sealed class InMemoryText(string path, string text) : AdditionalText
    {
        public override string Path => path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
    }

    private sealed class RootNamespaceOptions(string rootNamespace) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(rootNamespace);

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Options(null);

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => new Options(null);

        private sealed class Options(string? rootNamespace) : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, out string value)
            {
                value = rootNamespace ?? "";
                return key == "build_property.RootNamespace" && rootNamespace is not null;
            }
        }
    }
}
