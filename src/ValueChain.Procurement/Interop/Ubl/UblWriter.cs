using System.Globalization;
using System.Text;
using System.Xml;

namespace ValueChain.Procurement;

/// <summary>
/// Writes one UBL 2.1 document: the root in its document namespace with the <c>cac</c> and <c>cbc</c> prefixes,
/// the header every document starts with, and the typed leaves (amounts with <c>currencyID</c>, quantities with
/// <c>unitCode</c>, dates and times in UTC). The caller writes elements in the schema's order.
/// </summary>
internal sealed class UblWriter : IDisposable
{
    private static readonly XmlWriterSettings Settings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = true,
        IndentChars = "  ",
        NewLineChars = "\n",
        NewLineHandling = NewLineHandling.Replace,
        CloseOutput = false,
    };

    private readonly MemoryStream _stream = new();
    private readonly XmlWriter _xml;
    private readonly ProcurementUblOptions _options;
    private readonly string _document;

    /// <summary>Starts <paramref name="document"/> with UBLVersionID and CustomizationID.</summary>
    public UblWriter(string document, string documentNamespace, ProcurementUblOptions options)
    {
        _document = document;
        _options = options;
        _xml = XmlWriter.Create(_stream, Settings);
        _xml.WriteStartDocument();
        _xml.WriteStartElement(document, documentNamespace);

        // The default namespace first, as in the OASIS examples; the writer would otherwise put it after the prefixes.
        _xml.WriteAttributeString("xmlns", documentNamespace);
        _xml.WriteAttributeString("xmlns", "cac", null, ProcurementUbl.AggregateNamespace);
        _xml.WriteAttributeString("xmlns", "cbc", null, ProcurementUbl.BasicNamespace);
        Basic("UBLVersionID", ProcurementUbl.Version);
        Basic("CustomizationID", ProcurementUbl.CustomizationId);
    }

    /// <summary>Opens an aggregate (<c>cac:</c>) element.</summary>
    public void Open(string name) => _xml.WriteStartElement("cac", name, ProcurementUbl.AggregateNamespace);

    /// <summary>Closes the innermost open aggregate.</summary>
    public void Close() => _xml.WriteEndElement();

    /// <summary>A basic (<c>cbc:</c>) element with text and an optional attribute.</summary>
    public void Basic(string name, string value, string? attribute = null, string? attributeValue = null)
    {
        _xml.WriteStartElement("cbc", name, ProcurementUbl.BasicNamespace);
        if (attribute is not null)
        {
            _xml.WriteAttributeString(attribute, attributeValue);
        }

        _xml.WriteString(value);
        _xml.WriteEndElement();
    }

    /// <summary>An amount in token base units, as the configured currency.</summary>
    public void Amount(string name, UInt256 amount) => Basic(name, UblAmounts.Format(amount, _options.TokenDecimals), "currencyID", _options.CurrencyId);

    /// <summary>A quantity of <paramref name="materialNumber"/> with its unit code.</summary>
    public void Quantity(string name, long quantity, string materialNumber) =>
        Basic(name, quantity.ToString(CultureInfo.InvariantCulture), "unitCode", _options.UnitCodeOf(materialNumber));

    /// <summary>The date part (UTC) of a ledger time.</summary>
    public void Date(string name, DateTimeOffset time) => Basic(name, UblTimes.Date(time));

    /// <summary>The time part (UTC, with Z) of a ledger time.</summary>
    public void Time(string name, DateTimeOffset time) => Basic(name, UblTimes.Time(time));

    /// <summary>
    /// A party: its ledger account as <c>cbc:EndpointID</c>, its company (and, for a machine, the machine) as
    /// <c>cac:PartyIdentification</c>, and the company's name when it is known.
    /// </summary>
    public void Party(string role, string companyId, Address account, Company? company, string? machineId, string field)
    {
        Open(role);
        Open("Party");
        Basic("EndpointID", account.ToString(), "schemeID", ProcurementUbl.AddressScheme);
        Identification(companyId, ProcurementUbl.CompanyScheme);
        if (machineId is not null)
        {
            Identification(machineId, ProcurementUbl.MachineScheme);
        }

        if (company is not null)
        {
            Open("PartyName");
            Basic("Name", Text(company.Name, field + ".name"));
            Close();
        }

        Close();
        Close();
    }

    /// <summary>The item: the material number as the seller's item identification.</summary>
    public void Item(string materialNumber)
    {
        Open("Item");
        Open("SellersItemIdentification");
        Basic("ID", materialNumber, "schemeID", ProcurementUbl.MaterialScheme);
        Close();
        Close();
    }

    /// <summary>Ends the document and returns its UTF-8 bytes (no byte order mark).</summary>
    public byte[] Finish()
    {
        _xml.WriteEndElement();
        _xml.WriteEndDocument();
        _xml.Flush();
        _stream.WriteByte((byte)'\n');
        return _stream.ToArray();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _xml.Dispose();
        _stream.Dispose();
    }

    private void Identification(string id, string scheme)
    {
        Open("PartyIdentification");
        Basic("ID", id, "schemeID", scheme);
        Close();
    }

    // Free text is the only input ids do not already restrict to printable characters; XML 1.0 cannot carry most controls.
    private string Text(string text, string field)
    {
        try
        {
            return XmlConvert.VerifyXmlChars(text);
        }
        catch (XmlException)
        {
            throw new ProcurementUblException(_document, field, "it holds a character XML 1.0 cannot carry.");
        }
    }
}
