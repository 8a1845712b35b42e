package api

import (
	"bytes"
	"fmt"
	"time"

	"github.com/go-pdf/fpdf"

	"dialoog/models"
)

// renderReportPDF lays the engagement report out as an A4 document an
// auditor can read on paper: the figures as tables, each with its chart.
func renderReportPDF(r models.EngagementReport) ([]byte, error) {
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.SetMargins(18, 18, 18)
	pdf.SetAutoPageBreak(true, 18)
	pdf.SetTitle("Stakeholder engagement report "+string(r.From)+" to "+string(r.To), true)
	pdf.SetCreator("Dialoog", true)
	tr := pdf.UnicodeTranslatorFromDescriptor("") // core fonts speak cp1252: Dutch accents fit
	pdf.SetFooterFunc(func() {
		pdf.SetY(-12)
		pdf.SetFont("Helvetica", "", 8)
		pdf.SetTextColor(110, 110, 110)
		pdf.CellFormat(0, 5, tr(fmt.Sprintf("Dialoog engagement report %s to %s  -  page %d of {nb}", r.From, r.To, pdf.PageNo())), "", 0, "C", false, 0, "")
	})
	pdf.AliasNbPages("{nb}")
	pdf.AddPage()

	pdf.SetFont("Helvetica", "B", 18)
	pdf.SetTextColor(20, 40, 60)
	pdf.CellFormat(0, 10, tr("Stakeholder engagement report"), "", 1, "L", false, 0, "")
	pdf.SetFont("Helvetica", "", 10)
	pdf.SetTextColor(60, 60, 60)
	pdf.MultiCell(0, 5, tr(fmt.Sprintf("Period %s to %s, made %s. Structured after GRI 2-29 (approach to stakeholder engagement) and ESRS 2 SBM-2 (interests and views of stakeholders): which groups were engaged, how and how often, on which topics, what was raised and how the organisation responded.",
		r.From, r.To, time.Now().UTC().Format("2006-01-02"))), "", "L", false)
	pdf.Ln(3)

	t := r.Commitments
	keyFigures(pdf, tr, [][2]string{
		{"Dialogues", fmt.Sprint(r.DialogueCount)}, {"Stakeholders engaged", fmt.Sprint(r.StakeholdersEngaged)},
		{"Concerns raised", fmt.Sprint(r.ConcernCount)}, {"Commitments made", fmt.Sprint(t.Made)},
		{"Commitments kept", fmt.Sprint(t.Kept)}, {"Overdue", fmt.Sprint(t.Overdue)},
	})

	heading(pdf, tr, "1. Stakeholder groups engaged")
	rows := [][]string{}
	var labels []string
	var values []float64
	for _, g := range r.Groups {
		rows = append(rows, []string{g.Category, fmt.Sprint(g.Stakeholders), fmt.Sprint(g.Dialogues)})
		labels = append(labels, g.Category)
		values = append(values, float64(g.Dialogues))
	}
	table(pdf, tr, []string{"Category", "Stakeholders met", "Dialogues"}, []float64{70, 50, 50}, rows)
	barChart(pdf, tr, "Dialogues by stakeholder category", labels, values)

	heading(pdf, tr, "2. How the organisation engaged")
	labels, values = nil, nil
	for _, f := range models.DialogueFormats {
		labels = append(labels, f)
		values = append(values, float64(r.DialoguesByFormat[f]))
	}
	barChart(pdf, tr, "Dialogues by format", labels, values)
	rows = nil
	for _, l := range models.EngagementLevels {
		rows = append(rows, []string{l, fmt.Sprint(r.DialoguesByLevel[l])})
	}
	table(pdf, tr, []string{"Engagement level (IAP2)", "Dialogues"}, []float64{90, 40}, rows)

	heading(pdf, tr, "3. Topics and concerns raised")
	rows, labels, values = nil, nil, nil
	for _, tp := range r.ConcernsByTopic {
		name := tp.Topic
		if name == "" {
			name = "(no topic)"
		}
		rows = append(rows, []string{name, fmt.Sprint(tp.BySeverity["low"]), fmt.Sprint(tp.BySeverity["medium"]),
			fmt.Sprint(tp.BySeverity["high"]), fmt.Sprint(tp.BySeverity["critical"]), fmt.Sprint(tp.Total)})
		labels = append(labels, name)
		values = append(values, float64(tp.Total))
	}
	table(pdf, tr, []string{"Topic", "Low", "Medium", "High", "Critical", "Total"}, []float64{54, 22, 22, 22, 22, 22}, rows)
	barChart(pdf, tr, "Concerns by topic", labels, values)
	rows = nil
	for _, st := range models.ConcernStatuses {
		rows = append(rows, []string{st, fmt.Sprint(r.ConcernsByStatus[st])})
	}
	table(pdf, tr, []string{"Status today", "Concerns"}, []float64{90, 40}, rows)

	heading(pdf, tr, "4. How fast the organisation responded")
	rows = nil
	for _, m := range r.Responsiveness {
		rows = append(rows, []string{m.Severity, fmt.Sprint(m.Concerns), days(m.MedianDaysToAck), days(m.MedianDaysToRespond)})
	}
	table(pdf, tr, []string{"Severity", "Concerns", "Median days to acknowledge", "Median days to respond"}, []float64{34, 26, 55, 55}, rows)

	heading(pdf, tr, "5. Commitments made in the period")
	table(pdf, tr, []string{"Made", "Kept", "Open", "Overdue", "Cancelled", "Accepted", "Disputed"}, []float64{24, 24, 24, 24, 24, 27, 27},
		[][]string{{fmt.Sprint(t.Made), fmt.Sprint(t.Kept), fmt.Sprint(t.Open), fmt.Sprint(t.Overdue), fmt.Sprint(t.Cancelled), fmt.Sprint(t.Accepted), fmt.Sprint(t.Disputed)}})
	barChart(pdf, tr, "What became of the commitments", []string{"kept", "open", "overdue", "cancelled"},
		[]float64{float64(t.Kept), float64(t.Open), float64(t.Overdue), float64(t.Cancelled)})
	pdf.SetFont("Helvetica", "I", 9)
	pdf.MultiCell(0, 4.5, tr("Accepted and disputed: the stakeholder's own verdict on commitments shared with them and marked done."), "", "L", false)

	heading(pdf, tr, "6. Key concerns and the organisation's response")
	if len(r.KeyConcerns) == 0 {
		pdf.SetFont("Helvetica", "", 10)
		pdf.MultiCell(0, 5, tr("No high or critical concerns were raised in this period."), "", "L", false)
	}
	for _, k := range r.KeyConcerns {
		who := k.StakeholderName
		if who == "" {
			who = "confidential"
		}
		pdf.SetFont("Helvetica", "B", 10)
		pdf.MultiCell(0, 5, tr(fmt.Sprintf("%s (%s, %s; %s; raised %s by %s)", k.Title, k.Severity, k.Topic, k.Status, k.RaisedOn, who)), "", "L", false)
		pdf.SetFont("Helvetica", "", 9.5)
		resp := k.Response
		if resp == "" {
			resp = "No response recorded yet."
		}
		pdf.MultiCell(0, 4.5, tr("Response: "+resp), "", "L", false)
		if k.Decision != "" {
			pdf.MultiCell(0, 4.5, tr("How it was taken into account: "+k.Decision), "", "L", false)
		}
		pdf.Ln(2)
	}

	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func days(d *float64) string {
	if d == nil {
		return "-"
	}
	return fmt.Sprintf("%.1f", *d)
}

func heading(pdf *fpdf.Fpdf, tr func(string) string, text string) {
	pdf.Ln(4)
	if pdf.GetY() > 250 {
		pdf.AddPage()
	}
	pdf.SetFont("Helvetica", "B", 13)
	pdf.SetTextColor(20, 40, 60)
	pdf.CellFormat(0, 8, tr(text), "", 1, "L", false, 0, "")
	pdf.SetTextColor(30, 30, 30)
}

func keyFigures(pdf *fpdf.Fpdf, tr func(string) string, figs [][2]string) {
	w := 174.0 / float64(len(figs))
	pdf.SetFillColor(238, 243, 247)
	y := pdf.GetY()
	for i, f := range figs {
		x := 18 + float64(i)*w
		pdf.Rect(x, y, w-2, 17, "F")
		pdf.SetXY(x, y+2)
		pdf.SetFont("Helvetica", "B", 14)
		pdf.CellFormat(w-2, 7, f[1], "", 2, "C", false, 0, "")
		pdf.SetFont("Helvetica", "", 7.5)
		pdf.CellFormat(w-2, 5, tr(f[0]), "", 0, "C", false, 0, "")
	}
	pdf.SetXY(18, y+20)
}

func table(pdf *fpdf.Fpdf, tr func(string) string, head []string, widths []float64, rows [][]string) {
	pdf.SetFont("Helvetica", "B", 9)
	pdf.SetFillColor(225, 232, 238)
	for i, h := range head {
		align := "L"
		if i > 0 {
			align = "R"
		}
		pdf.CellFormat(widths[i], 6.5, tr(h), "B", 0, align, true, 0, "")
	}
	pdf.Ln(-1)
	pdf.SetFont("Helvetica", "", 9)
	for _, row := range rows {
		for i, cell := range row {
			align := "L"
			if i > 0 {
				align = "R"
			}
			pdf.CellFormat(widths[i], 5.5, tr(cell), "B", 0, align, false, 0, "")
		}
		pdf.Ln(-1)
	}
	pdf.Ln(2)
}

// barChart draws a horizontal bar chart: one labelled bar per value, scaled
// to the largest.
func barChart(pdf *fpdf.Fpdf, tr func(string) string, title string, labels []string, values []float64) {
	const labelW, barW, rowH = 45.0, 110.0, 5.0
	if pdf.GetY()+float64(len(labels))*rowH+12 > 279 {
		pdf.AddPage()
	}
	pdf.SetFont("Helvetica", "B", 9)
	pdf.CellFormat(0, 6, tr(title), "", 1, "L", false, 0, "")
	maxV := 0.0
	for _, v := range values {
		maxV = max(maxV, v)
	}
	pdf.SetFont("Helvetica", "", 8)
	pdf.SetFillColor(58, 110, 165)
	for i, l := range labels {
		y := pdf.GetY()
		pdf.CellFormat(labelW, rowH, tr(l), "", 0, "R", false, 0, "")
		w := 0.0
		if maxV > 0 {
			w = values[i] / maxV * barW
		}
		if w > 0 {
			pdf.Rect(18+labelW+2, y+0.8, w, rowH-1.6, "F")
		}
		pdf.SetXY(18+labelW+4+w, y)
		pdf.CellFormat(15, rowH, fmt.Sprint(values[i]), "", 1, "L", false, 0, "")
	}
	pdf.Ln(3)
}
