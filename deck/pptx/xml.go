package pptx

import "encoding/xml"

// The namespaces of the parts.
const (
	nsA   = "http://schemas.openxmlformats.org/drawingml/2006/main"
	nsP   = "http://schemas.openxmlformats.org/presentationml/2006/main"
	nsR   = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	nsRel = "http://schemas.openxmlformats.org/package/2006/relationships"
	nsCT  = "http://schemas.openxmlformats.org/package/2006/content-types"
)

// The relationship types.
const (
	relDoc         = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
	relCore        = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
	relSlide       = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/slide"
	relMaster      = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/slideMaster"
	relLayout      = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/slideLayout"
	relTheme       = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme"
	relImage       = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"
	relHyperlink   = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"
	relNotesMaster = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/notesMaster"
	relNotesSlide  = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/notesSlide"
	relFont        = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/font"
)

// relationships is a .rels part.
type relationships struct {
	XMLName xml.Name       `xml:"Relationships"`
	NS      string         `xml:"xmlns,attr"`
	Rels    []relationship `xml:"Relationship"`
}

type relationship struct {
	ID         string `xml:"Id,attr"`
	Type       string `xml:"Type,attr"`
	Target     string `xml:"Target,attr"`
	TargetMode string `xml:"TargetMode,attr,omitempty"`
}

// contentTypes is [Content_Types].xml.
type contentTypes struct {
	XMLName   xml.Name     `xml:"Types"`
	NS        string       `xml:"xmlns,attr"`
	Defaults  []ctDefault  `xml:"Default"`
	Overrides []ctOverride `xml:"Override"`
}

type ctDefault struct {
	Extension   string `xml:"Extension,attr"`
	ContentType string `xml:"ContentType,attr"`
}

type ctOverride struct {
	PartName    string `xml:"PartName,attr"`
	ContentType string `xml:"ContentType,attr"`
}

// coreProps is docProps/core.xml.
type coreProps struct {
	XMLName xml.Name `xml:"cp:coreProperties"`
	CP      string   `xml:"xmlns:cp,attr"`
	DC      string   `xml:"xmlns:dc,attr"`
	Title   string   `xml:"dc:title,omitempty"`
	Subject string   `xml:"dc:subject,omitempty"`
	Creator string   `xml:"dc:creator,omitempty"`
	Keys    string   `xml:"cp:keywords,omitempty"`
	Lang    string   `xml:"dc:language,omitempty"`
}

// presentation is ppt/presentation.xml.
type presentation struct {
	XMLName      xml.Name  `xml:"p:presentation"`
	A            string    `xml:"xmlns:a,attr"`
	R            string    `xml:"xmlns:r,attr"`
	P            string    `xml:"xmlns:p,attr"`
	SaveSubset   string    `xml:"saveSubsetFonts,attr,omitempty"`
	EmbedTT      string    `xml:"embedTrueTypeFonts,attr,omitempty"`
	Masters      idList    `xml:"p:sldMasterIdLst"`
	NotesMasters *idList   `xml:"p:notesMasterIdLst"`
	Slides       idList    `xml:"p:sldIdLst"`
	SldSz        size      `xml:"p:sldSz"`
	NotesSz      size      `xml:"p:notesSz"`
	Fonts        *fontList `xml:"p:embeddedFontLst"`
}

type idList struct {
	Masters []idEntry `xml:"p:sldMasterId"`
	Notes   []idEntry `xml:"p:notesMasterId"`
	Slides  []idEntry `xml:"p:sldId"`
	Layouts []idEntry `xml:"p:sldLayoutId"`
}

type idEntry struct {
	ID  int    `xml:"id,attr,omitempty"`
	RID string `xml:"r:id,attr"`
}

type size struct {
	CX int64 `xml:"cx,attr"`
	CY int64 `xml:"cy,attr"`
}

// fontList is the presentation's embedded fonts (p:embeddedFontLst).
type fontList struct {
	Fonts []embeddedFont `xml:"p:embeddedFont"`
}

type embeddedFont struct {
	Font    fontRef  `xml:"p:font"`
	Regular *idEntry `xml:"p:regular"`
	Bold    *idEntry `xml:"p:bold"`
}

type fontRef struct {
	Typeface string `xml:"typeface,attr"`
	Charset  string `xml:"charset,attr,omitempty"`
}

// slide is a slide, layout or master: a common slide data and what goes
// with it.
type slide struct {
	XMLName   xml.Name
	A         string     `xml:"xmlns:a,attr"`
	R         string     `xml:"xmlns:r,attr"`
	P         string     `xml:"xmlns:p,attr"`
	Type      string     `xml:"type,attr,omitempty"`
	CSld      cSld       `xml:"p:cSld"`
	ClrMap    *clrMap    `xml:"p:clrMap"`
	ClrMapOvr *clrMapOvr `xml:"p:clrMapOvr"`
	Layouts   *idList    `xml:"p:sldLayoutIdLst"`
	TxStyles  *txStyles  `xml:"p:txStyles"`
	NotesSty  *emptyElem `xml:"p:notesStyle"`
}

type cSld struct {
	Name string `xml:"name,attr,omitempty"`
	Tree spTree `xml:"p:spTree"`
}

type emptyElem struct{}

type clrMapOvr struct {
	Master emptyElem `xml:"a:masterClrMapping"`
}

type clrMap struct {
	Bg1      string `xml:"bg1,attr"`
	Tx1      string `xml:"tx1,attr"`
	Bg2      string `xml:"bg2,attr"`
	Tx2      string `xml:"tx2,attr"`
	Accent1  string `xml:"accent1,attr"`
	Accent2  string `xml:"accent2,attr"`
	Accent3  string `xml:"accent3,attr"`
	Accent4  string `xml:"accent4,attr"`
	Accent5  string `xml:"accent5,attr"`
	Accent6  string `xml:"accent6,attr"`
	Hlink    string `xml:"hlink,attr"`
	FolHlink string `xml:"folHlink,attr"`
}

// defaultClrMap maps the scheme's colours to themselves.
var defaultClrMap = clrMap{"lt1", "dk1", "lt2", "dk2", "accent1", "accent2", "accent3", "accent4", "accent5", "accent6", "hlink", "folHlink"}

type txStyles struct {
	Title emptyElem `xml:"p:titleStyle"`
	Body  emptyElem `xml:"p:bodyStyle"`
	Other emptyElem `xml:"p:otherStyle"`
}

// spTree is a slide's shape tree. Shapes holds p:sp, p:pic and
// p:graphicFrame elements in drawing order.
type spTree struct {
	NvGrpSpPr nvGrpSpPr `xml:"p:nvGrpSpPr"`
	GrpSpPr   grpSpPr   `xml:"p:grpSpPr"`
	Shapes    []any
}

type nvGrpSpPr struct {
	CNvPr      cNvPr     `xml:"p:cNvPr"`
	CNvGrpSpPr emptyElem `xml:"p:cNvGrpSpPr"`
	NvPr       nvPr      `xml:"p:nvPr"`
}

type grpSpPr struct {
	Xfrm grpXfrm `xml:"a:xfrm"`
}

type grpXfrm struct {
	Off   point `xml:"a:off"`
	Ext   size  `xml:"a:ext"`
	ChOff point `xml:"a:chOff"`
	ChExt size  `xml:"a:chExt"`
}

type point struct {
	X int64 `xml:"x,attr"`
	Y int64 `xml:"y,attr"`
}

type cNvPr struct {
	ID    int         `xml:"id,attr"`
	Name  string      `xml:"name,attr"`
	Descr string      `xml:"descr,attr,omitempty"`
	Click *hlinkClick `xml:"a:hlinkClick"`
}

type hlinkClick struct {
	RID    string `xml:"r:id,attr"`
	Action string `xml:"action,attr,omitempty"`
}

type nvPr struct {
	Ph *placeholder `xml:"p:ph"`
}

type placeholder struct {
	Type string `xml:"type,attr,omitempty"`
	Idx  string `xml:"idx,attr,omitempty"`
}

// sp is a shape (p:sp): a text box, a rectangle or a path.
type sp struct {
	XMLName xml.Name `xml:"p:sp"`
	NvSpPr  nvSpPr   `xml:"p:nvSpPr"`
	SpPr    spPr     `xml:"p:spPr"`
	TxBody  *txBody  `xml:"p:txBody"`
}

type nvSpPr struct {
	CNvPr   cNvPr   `xml:"p:cNvPr"`
	CNvSpPr cNvSpPr `xml:"p:cNvSpPr"`
	NvPr    nvPr    `xml:"p:nvPr"`
}

type cNvSpPr struct {
	TxBox string `xml:"txBox,attr,omitempty"`
}

type spPr struct {
	Xfrm   *xfrm      `xml:"a:xfrm"`
	Prst   *prstGeom  `xml:"a:prstGeom"`
	Cust   *custGeom  `xml:"a:custGeom"`
	NoFill *emptyElem `xml:"a:noFill"`
	Fill   *solidFill `xml:"a:solidFill"`
	Ln     *line      `xml:"a:ln"`
}

type xfrm struct {
	Off point `xml:"a:off"`
	Ext size  `xml:"a:ext"`
}

type prstGeom struct {
	Prst  string `xml:"prst,attr"`
	AvLst avLst  `xml:"a:avLst"`
}

type avLst struct {
	Gd []guide `xml:"a:gd"`
}

type guide struct {
	Name string `xml:"name,attr"`
	Fmla string `xml:"fmla,attr"`
}

type custGeom struct {
	AvLst   emptyElem `xml:"a:avLst"`
	GdLst   emptyElem `xml:"a:gdLst"`
	AhLst   emptyElem `xml:"a:ahLst"`
	CxnLst  emptyElem `xml:"a:cxnLst"`
	Rect    geomRect  `xml:"a:rect"`
	PathLst pathLst   `xml:"a:pathLst"`
}

type geomRect struct {
	L string `xml:"l,attr"`
	T string `xml:"t,attr"`
	R string `xml:"r,attr"`
	B string `xml:"b,attr"`
}

type pathLst struct {
	Paths []path `xml:"a:path"`
}

// path is a:path; Cmds holds a:moveTo, a:lnTo and a:close in order.
type path struct {
	W      int64  `xml:"w,attr"`
	H      int64  `xml:"h,attr"`
	Fill   string `xml:"fill,attr,omitempty"`
	Stroke string `xml:"stroke,attr,omitempty"`
	Cmds   []any
}

type moveTo struct {
	XMLName xml.Name `xml:"a:moveTo"`
	Pt      point    `xml:"a:pt"`
}

type lnTo struct {
	XMLName xml.Name `xml:"a:lnTo"`
	Pt      point    `xml:"a:pt"`
}

type closePath struct {
	XMLName xml.Name `xml:"a:close"`
}

type solidFill struct {
	Clr srgbClr `xml:"a:srgbClr"`
}

type srgbClr struct {
	Val   string   `xml:"val,attr"`
	Alpha *valAttr `xml:"a:alpha"`
}

type valAttr struct {
	Val int `xml:"val,attr"`
}

type line struct {
	W      int64      `xml:"w,attr,omitempty"`
	Cap    string     `xml:"cap,attr,omitempty"`
	NoFill *emptyElem `xml:"a:noFill"`
	Fill   *solidFill `xml:"a:solidFill"`
	Round  *emptyElem `xml:"a:round"`
}

// txBody is a shape's text.
type txBody struct {
	BodyPr bodyPr    `xml:"a:bodyPr"`
	LstSty emptyElem `xml:"a:lstStyle"`
	Paras  []para    `xml:"a:p"`
}

type bodyPr struct {
	Wrap   string     `xml:"wrap,attr"`
	LIns   int64      `xml:"lIns,attr"`
	TIns   int64      `xml:"tIns,attr"`
	RIns   int64      `xml:"rIns,attr"`
	BIns   int64      `xml:"bIns,attr"`
	Anchor string     `xml:"anchor,attr"`
	NoAuto *emptyElem `xml:"a:noAutofit"`
}

// para is a:p; Content holds a:r and a:br in order.
type para struct {
	PPr     *pPr `xml:"a:pPr"`
	Content []any
	End     *rPr `xml:"a:endParaRPr"`
}

type pPr struct {
	MarL   int64       `xml:"marL,attr"`
	Indent int64       `xml:"indent,attr"`
	Algn   string      `xml:"algn,attr"`
	LnSpc  *spacing    `xml:"a:lnSpc"`
	SpcBef *spacing    `xml:"a:spcBef"`
	SpcAft *spacing    `xml:"a:spcAft"`
	BuClr  *solidFillC `xml:"a:buClr"`
	BuSz   *valAttr    `xml:"a:buSzPct"`
	BuFont *font       `xml:"a:buFont"`
	BuNone *emptyElem  `xml:"a:buNone"`
	BuChar *buChar     `xml:"a:buChar"`
}

type solidFillC struct {
	Clr srgbClr `xml:"a:srgbClr"`
}

type buChar struct {
	Char string `xml:"char,attr"`
}

type spacing struct {
	Pts valAttr `xml:"a:spcPts"`
}

type run struct {
	XMLName xml.Name `xml:"a:r"`
	RPr     rPr      `xml:"a:rPr"`
	T       string   `xml:"a:t"`
}

type lineBreak struct {
	XMLName xml.Name `xml:"a:br"`
	RPr     rPr      `xml:"a:rPr"`
}

type rPr struct {
	Lang  string      `xml:"lang,attr,omitempty"`
	Sz    int         `xml:"sz,attr"`
	B     string      `xml:"b,attr"`
	Spc   int         `xml:"spc,attr"`
	Fill  *solidFill  `xml:"a:solidFill"`
	Latin *font       `xml:"a:latin"`
	Ea    *font       `xml:"a:ea"`
	Cs    *font       `xml:"a:cs"`
	Click *hlinkClick `xml:"a:hlinkClick"`
}

type font struct {
	Typeface string `xml:"typeface,attr"`
}

// pic is a picture (p:pic).
type pic struct {
	XMLName  xml.Name `xml:"p:pic"`
	NvPicPr  nvPicPr  `xml:"p:nvPicPr"`
	BlipFill blipFill `xml:"p:blipFill"`
	SpPr     spPr     `xml:"p:spPr"`
}

type nvPicPr struct {
	CNvPr    cNvPr    `xml:"p:cNvPr"`
	CNvPicPr cNvPicPr `xml:"p:cNvPicPr"`
	NvPr     nvPr     `xml:"p:nvPr"`
}

type cNvPicPr struct {
	Locks picLocks `xml:"a:picLocks"`
}

type picLocks struct {
	NoChangeAspect string `xml:"noChangeAspect,attr"`
}

type blipFill struct {
	Blip    blip    `xml:"a:blip"`
	Stretch stretch `xml:"a:stretch"`
}

type blip struct {
	Embed string `xml:"r:embed,attr"`
}

type stretch struct {
	FillRect emptyElem `xml:"a:fillRect"`
}

// graphicFrame holds a table or a chart (p:graphicFrame).
type graphicFrame struct {
	XMLName xml.Name         `xml:"p:graphicFrame"`
	NvPr    nvGraphicFramePr `xml:"p:nvGraphicFramePr"`
	Xfrm    xfrm             `xml:"p:xfrm"`
	Graphic graphicData      `xml:"a:graphic>a:graphicData"`
}

type nvGraphicFramePr struct {
	CNvPr   cNvPr   `xml:"p:cNvPr"`
	CNvGfPr cNvGfPr `xml:"p:cNvGraphicFramePr"`
	NvPr    nvPr    `xml:"p:nvPr"`
}

type cNvGfPr struct {
	Locks frameLocks `xml:"a:graphicFrameLocks"`
}

type frameLocks struct {
	NoGrp string `xml:"noGrp,attr"`
}

type graphicData struct {
	URI   string    `xml:"uri,attr"`
	Tbl   *tbl      `xml:"a:tbl"`
	Chart *chartRef `xml:"c:chart"`
}

type tbl struct {
	Pr   tblPr     `xml:"a:tblPr"`
	Grid []gridCol `xml:"a:tblGrid>a:gridCol"`
	Rows []tr      `xml:"a:tr"`
}

type tblPr struct {
	FirstRow string `xml:"firstRow,attr,omitempty"`
}

type gridCol struct {
	W int64 `xml:"w,attr"`
}

type tr struct {
	H     int64 `xml:"h,attr"`
	Cells []tc  `xml:"a:tc"`
}

type tc struct {
	RowSpan int    `xml:"rowSpan,attr,omitempty"`
	VMerge  string `xml:"vMerge,attr,omitempty"`
	TxBody  txBody `xml:"a:txBody"`
	Pr      tcPr   `xml:"a:tcPr"`
}

type tcPr struct {
	MarL   int64      `xml:"marL,attr"`
	MarR   int64      `xml:"marR,attr"`
	MarT   int64      `xml:"marT,attr"`
	MarB   int64      `xml:"marB,attr"`
	Anchor string     `xml:"anchor,attr"`
	LnL    line       `xml:"a:lnL"`
	LnR    line       `xml:"a:lnR"`
	LnT    line       `xml:"a:lnT"`
	LnB    line       `xml:"a:lnB"`
	NoFill *emptyElem `xml:"a:noFill"`
	Fill   *solidFill `xml:"a:solidFill"`
}
