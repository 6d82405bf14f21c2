using System.Text;

namespace Evaluators.Data.Csv;

/// <summary>
/// Splits comma-separated text into records (RFC 4180 with the usual leniencies): a field may be
/// quoted, with "" for a quote and commas or line breaks inside; spaces and tabs around a field are
/// dropped; line breaks are \n, \r\n or \r; a UTF-8 byte-order mark and blank lines (anywhere,
/// typically trailing) are skipped. Records keep the line they start on so errors can name it.
/// </summary>
public static class CsvText
{
    /// <summary>Decodes UTF-8 strictly (a file in another encoding is named, not misread).</summary>
    public static string Decode(byte[] bytes, string path)
    {
        try
        {
            string text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes);
            return text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
        }
        catch (DecoderFallbackException e)
        {
            throw new DatasetException($"{path}: not UTF-8 text (byte {e.Index} cannot be decoded); save the file as UTF-8 CSV", path, e);
        }
    }

    public static List<CsvRecord> Parse(string text, string path)
    {
        var records = new List<CsvRecord>();
        var fields = new List<string>();
        var field = new StringBuilder();
        int i = 0, line = 1;
        while (i < text.Length)
        {
            int recordLine = line;
            bool anyQuoted = false;
            fields.Clear();
            while (true)
            {
                while (i < text.Length && text[i] is ' ' or '\t') i++;
                field.Clear();
                if (i < text.Length && text[i] == '"')
                {
                    anyQuoted = true;
                    int openLine = line;
                    i++;
                    while (true)
                    {
                        if (i >= text.Length)
                            throw new DatasetException($"{path}:{openLine}: field {fields.Count + 1} opens a quote that is never closed", path);
                        char c = text[i++];
                        if (c == '"')
                        {
                            if (i < text.Length && text[i] == '"') { field.Append('"'); i++; continue; }
                            break;
                        }
                        if (c == '\n' || c == '\r' && (i >= text.Length || text[i] != '\n')) line++;
                        field.Append(c);
                    }
                    while (i < text.Length && text[i] is ' ' or '\t') i++;
                    if (i < text.Length && text[i] is not (',' or '\n' or '\r'))
                        throw new DatasetException($"{path}:{line}: '{text[i]}' after the closing quote of field {fields.Count + 1}; expected a comma or the end of the line", path);
                }
                else
                {
                    while (i < text.Length && text[i] is not (',' or '\n' or '\r')) field.Append(text[i++]);
                    while (field.Length > 0 && field[^1] is ' ' or '\t') field.Length--;
                }
                fields.Add(field.ToString());
                if (i < text.Length && text[i] == ',') { i++; continue; }
                break; // end of line or of text
            }
            if (i < text.Length)
            {
                i += text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? 2 : 1;
                line++;
            }
            if (fields.Count == 1 && fields[0].Length == 0 && !anyQuoted) continue; // a blank line
            records.Add(new CsvRecord(recordLine, fields.ToArray()));
        }
        return records;
    }
}
