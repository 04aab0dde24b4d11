using System.Xml;
using System.Xml.Schema;

namespace ValueChain.Procurement.Tests.Ubl;

/// <summary>
/// Validates the three documents against the OASIS UBL 2.1 schemas when <c>VALUECHAIN_UBL21_XSD</c> names the
/// schemas' folder (the one holding <c>maindoc/</c> and <c>common/</c>, xsd or xsdrt, of os-UBL-2.1). The schemas are
/// OASIS's and not in the repository; without them this test is skipped with that reason, and
/// <see cref="ProcurementUblExportTests"/> checks the order and required elements from the table in <see cref="UblSchemaOrder"/>.
/// </summary>
public sealed class UblSchemaValidationTests
{
    private const string Variable = "VALUECHAIN_UBL21_XSD";

    [Theory]
    [InlineData("UBL-Quotation-2.1.xsd", "BOLT-7.2.quotation.xml")]
    [InlineData("UBL-Order-2.1.xsd", "ORD-1.order.xml")]
    [InlineData("UBL-ReceiptAdvice-2.1.xsd", "ORD-1.receipt-advice.xml")]
    public void The_golden_documents_are_valid_UBL_2_1(string schema, string golden)
    {
        string? folder = Environment.GetEnvironmentVariable(Variable);
        Assert.SkipWhen(string.IsNullOrEmpty(folder), $"{Variable} is not set to a folder with the OASIS UBL 2.1 schemas (maindoc/, common/).");
        string path = Path.Combine(folder!, "maindoc", schema);
        Assert.True(File.Exists(path), $"{Variable} is set, but {path} does not exist.");

        var errors = new List<string>();
        var schemas = new XmlSchemaSet { XmlResolver = new XmlUrlResolver() };
        schemas.ValidationEventHandler += (_, e) => errors.Add($"schema {e.Severity}: {e.Message}");

        // The xmldsig schema that the signature components import declares a DOCTYPE; imports are read with these settings.
        using (var schemaReader = XmlReader.Create(path, new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = new XmlUrlResolver() }))
        {
            schemas.Add(null, schemaReader);
        }

        schemas.Compile();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = schemas };
        settings.ValidationEventHandler += (_, e) => errors.Add($"{e.Severity} at {e.Exception?.LineNumber}:{e.Exception?.LinePosition}: {e.Message}");
        using (var reader = XmlReader.Create(UblSamples.GoldenPath(golden), settings))
        {
            while (reader.Read())
            {
            }
        }

        Assert.Empty(errors);
    }
}
