using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace ValueChain.Ledger.Ethereum.Generators;

/// <summary>
/// Generates a typed contract binding for every AdditionalFiles item named <c>&lt;Contract&gt;.abi.json</c>,
/// in the namespace <c>&lt;RootNamespace&gt;.Contracts</c>. A file that is not a valid ABI is reported as
/// error VCETH001 naming the file and the problem; nothing is generated for it.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class AbiBindingsGenerator : IIncrementalGenerator
{
    private const string Suffix = ".abi.json";

    private static readonly DiagnosticDescriptor InvalidAbi = new(
        "VCETH001", "Invalid contract ABI file", "The ABI file '{0}' cannot be turned into a binding: {1}", "ValueChain.Ethereum", DiagnosticSeverity.Error, isEnabledByDefault: true);

    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValuesProvider<(string Path, string? Text)> files = context.AdditionalTextsProvider
            .Where(file => file.Path.EndsWith(Suffix, StringComparison.OrdinalIgnoreCase))
            .Select((file, cancellationToken) => (file.Path, file.GetText(cancellationToken)?.ToString()));
        IncrementalValueProvider<string> rootNamespace = context.AnalyzerConfigOptionsProvider
            .Select((options, _) => options.GlobalOptions.TryGetValue("build_property.RootNamespace", out string? value) && value.Length > 0 ? value : "Generated");

        context.RegisterSourceOutput(files.Combine(rootNamespace), static (output, input) => Generate(output, input.Left.Path, input.Left.Text, input.Right));
    }

    private static void Generate(SourceProductionContext output, string path, string? text, string rootNamespace)
    {
        string file = Path.GetFileName(path);
        string contract = file.Substring(0, file.Length - Suffix.Length);
        try
        {
            if (!Names.IsIdentifier(contract))
            {
                throw new FormatException($"'{contract}' is not a C# identifier; name the file <Contract>.abi.json");
            }

            List<AbiEntry> entries = AbiEntry.ParseFile(text ?? throw new FormatException("the file cannot be read"));
            string source = BindingWriter.Write(rootNamespace + ".Contracts", contract, file, entries);
            output.AddSource(contract + ".g.cs", SourceText.From(source, Encoding.UTF8));
        }
        catch (FormatException error)
        {
            output.ReportDiagnostic(Diagnostic.Create(InvalidAbi, Location.None, path, error.Message));
        }
    }
}
