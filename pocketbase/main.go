// Stadsstem's one server process: PocketBase used as a Go framework, modelled
// on PocketBase's examples/base without the self-update plugin (a city's IT
// updates through its own release process, never from inside the server).
package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"io"
	"log"
	"mime"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/pocketbase/pocketbase"
	"github.com/pocketbase/pocketbase/apis"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/plugins/jsvm"
	"github.com/pocketbase/pocketbase/plugins/migratecmd"
	"github.com/pocketbase/pocketbase/tools/hook"
	"github.com/pocketbase/pocketbase/tools/router"
)

func main() {
	// Never dev mode by guess: PocketBase takes a binary under the temp dir for
	// `go run` and would then log every SQL statement (a clone in /tmp did).
	app := pocketbase.NewWithConfig(pocketbase.Config{DefaultDev: false})

	// Go's table does not know the install manifest; served as text/plain,
	// stricter browsers and validators refuse it.
	_ = mime.AddExtensionType(".webmanifest", "application/manifest+json")

	var hooksDir, migrationsDir, publicDir, kioskDir string
	var hooksWatch, automigrate bool
	var hooksPool int

	flags := app.RootCmd.PersistentFlags()
	flags.StringVar(&hooksDir, "hooksDir", besideBinary("pb_hooks"), "the directory with the JS app hooks")
	flags.BoolVar(&hooksWatch, "hooksWatch", true, "restart the app when a pb_hooks file changes")
	flags.IntVar(&hooksPool, "hooksPool", 15, "the number of prewarmed JS runtimes for the hooks")
	flags.StringVar(&migrationsDir, "migrationsDir", besideBinary("pb_migrations"), "the directory with the JS migrations")
	flags.BoolVar(&automigrate, "automigrate", false, "generate a migration file when a collection changes in the dashboard")
	flags.StringVar(&publicDir, "publicDir", besideBinary("../build/citizen"), "the citizen build, served at /")
	flags.StringVar(&kioskDir, "kioskDir", besideBinary("../build/kiosk"), "the kiosk build, served at /kiosk/")

	_ = app.RootCmd.ParseFlags(os.Args[1:])

	jsvm.MustRegister(app, jsvm.Config{
		MigrationsDir: migrationsDir,
		HooksDir:      hooksDir,
		HooksWatch:    hooksWatch,
		HooksPoolSize: hooksPool,
	})

	migratecmd.MustRegister(app, app.RootCmd, migratecmd.Config{
		TemplateLang: migratecmd.TemplateLangJS,
		Automigrate:  automigrate,
		Dir:          migrationsDir,
	})

	headers := newSecurityHeaders(
		[]string{filepath.Join(publicDir, "index.html"), filepath.Join(kioskDir, "index.html")},
		os.Getenv("STADSSTEM_MAP_TILES"),
	)
	app.OnServe().BindFunc(func(e *core.ServeEvent) error {
		// After PocketBase's own security headers, so that ours win.
		e.Router.Bind(&hook.Handler[*core.RequestEvent]{
			Id:       "stadsstemSecurityHeaders",
			Priority: apis.DefaultSecurityHeadersMiddlewarePriority + 1,
			Func:     headers.apply,
		})
		e.Router.Bind(&hook.Handler[*core.RequestEvent]{
			Id:       "stadsstemStrictJSON",
			Priority: apis.DefaultSecurityHeadersMiddlewarePriority + 2,
			Func:     strictJSON,
		})
		return e.Next()
	})

	// The static routes bind last so that API, Open311 and hook routes win.
	app.OnServe().Bind(&hook.Handler[*core.ServeEvent]{
		Func: func(e *core.ServeEvent) error {
			// Each build has its own index.html fallback: a deep link into the
			// kiosk must boot the kiosk app, never the citizen one.
			e.Router.GET("/kiosk", func(re *core.RequestEvent) error {
				return re.Redirect(http.StatusMovedPermanently, "/kiosk/")
			})
			// Only the builds are compressed: the API keeps PocketBase's own handling.
			e.Router.GET("/kiosk/{path...}", apis.Static(os.DirFS(kioskDir), true)).Bind(staticGzip())
			if !e.Router.HasRoute(http.MethodGet, "/{path...}") {
				e.Router.GET("/{path...}", apis.Static(os.DirFS(publicDir), true)).Bind(staticGzip())
			}
			return e.Next()
		},
		Priority: 999,
	})

	if err := app.Start(); err != nil {
		log.Fatal(err)
	}
}

// staticGzip compresses the apps' files: on a slow phone connection the
// JavaScript then arrives at about a third of its size. Images are already
// compressed, and a Range request must get the bytes it asked for, so both
// pass through as they are.
func staticGzip() *hook.Handler[*core.RequestEvent] {
	gzip := apis.GzipWithConfig(apis.GzipConfig{MinLength: 1024})
	return &hook.Handler[*core.RequestEvent]{
		Id: "stadsstemStaticGzip",
		Func: func(e *core.RequestEvent) error {
			if e.Request.Header.Get("Range") != "" || precompressed.MatchString(e.Request.URL.Path) {
				return e.Next()
			}
			return gzip.Func(e)
		},
	}
}

var precompressed = regexp.MustCompile(`(?i)\.(png|jpe?g|gif|webp|avif|ico|woff2?|gz|br|zip)$`)

// besideBinary resolves a default path relative to the executable, so the
// server finds its migrations and builds wherever it is started from.
func besideBinary(rel string) string {
	exe, err := os.Executable()
	if err != nil {
		return rel
	}
	return filepath.Join(filepath.Dir(exe), rel)
}

// securityHeaders sets the headers of issue 11 on every response. The apps'
// Content-Security-Policy allows no inline script except SvelteKit's boot
// script, whose sha256 is read from the served index.html files (re-read when
// a build replaces them, so a running server never blocks a fresh build).
type securityHeaders struct {
	indexFiles []string
	tileOrigin string

	mu     sync.Mutex
	stamps []string
	appCSP string
}

var inlineScript = regexp.MustCompile(`(?s)<script>(.*?)</script>`)

func newSecurityHeaders(indexFiles []string, tiles string) *securityHeaders {
	origin := ""
	// Only the tile server's origin is added, and only when a valid https/http URL is configured.
	if u, err := url.Parse(strings.NewReplacer("{z}", "0", "{x}", "0", "{y}", "0").Replace(tiles)); err == nil &&
		(u.Scheme == "https" || u.Scheme == "http") && u.Host != "" {
		origin = u.Scheme + "://" + u.Host
	}
	return &securityHeaders{indexFiles: indexFiles, tileOrigin: origin}
}

// csp returns the apps' policy, recomputed only when an index.html changed.
func (s *securityHeaders) csp() string {
	stamps := make([]string, len(s.indexFiles))
	for i, file := range s.indexFiles {
		if info, err := os.Stat(file); err == nil {
			stamps[i] = info.ModTime().Format(time.RFC3339Nano) + "/" + strconv.FormatInt(info.Size(), 10)
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.appCSP != "" && strings.Join(stamps, "|") == strings.Join(s.stamps, "|") {
		return s.appCSP
	}
	hashes := []string{}
	seen := map[string]bool{}
	for _, file := range s.indexFiles {
		html, err := os.ReadFile(file)
		if err != nil {
			continue
		}
		for _, match := range inlineScript.FindAllSubmatch(html, -1) {
			sum := sha256.Sum256(match[1])
			hash := "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
			if !seen[hash] {
				seen[hash] = true
				hashes = append(hashes, hash)
			}
		}
	}
	img := "'self' data: blob:"
	if s.tileOrigin != "" {
		img += " " + s.tileOrigin
	}
	s.appCSP = strings.Join([]string{
		"default-src 'self'",
		"script-src 'self' " + strings.Join(hashes, " "),
		// Svelte sets style attributes at runtime; styles cannot run code.
		"style-src 'self' 'unsafe-inline'",
		"img-src " + img,
		"font-src 'self'",
		"connect-src 'self'",
		"media-src 'self' blob:",
		"worker-src 'self'",
		"manifest-src 'self'",
		"object-src 'none'",
		"base-uri 'self'",
		"form-action 'self'",
		"frame-ancestors 'none'",
	}, "; ")
	s.stamps = stamps
	return s.appCSP
}

func (s *securityHeaders) apply(e *core.RequestEvent) error {
	h := e.Response.Header()
	path := e.Request.URL.Path
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("Permissions-Policy", "geolocation=(self), camera=(self), microphone=(), payment=(), usb=(), "+
		"serial=(), bluetooth=(), midi=(), magnetometer=(), gyroscope=(), accelerometer=(), "+
		"display-capture=(), browsing-topics=()")
	h.Set("Cross-Origin-Opener-Policy", "same-origin")
	if e.Request.TLS != nil || strings.EqualFold(e.Request.Header.Get("X-Forwarded-Proto"), "https") {
		h.Set("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
	}
	switch {
	case path == "/_" || strings.HasPrefix(path, "/_/"):
		// The PocketBase dashboard sets its own (looser) policy with frame-ancestors 'none'.
		h.Set("X-Frame-Options", "DENY")
	case strings.HasPrefix(path, "/api/files/"):
		// PocketBase serves files with its own sandboxing policy.
	case strings.HasPrefix(path, "/api/") || strings.HasPrefix(path, "/open311/"):
		h.Set("X-Frame-Options", "DENY")
		h.Set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'")
	default:
		h.Set("X-Frame-Options", "DENY")
		h.Set("Content-Security-Policy", s.csp())
	}
	return e.Next()
}

// maxJSONBody matches PocketBase's default body limit.
const maxJSONBody = 32 << 20

// strictJSON refuses a JSON body that is not exactly one valid JSON value.
// Go's decoder reads the first value and ignores what follows, so without this
// `{"valid":1}garbage` would be accepted as if it were well-formed.
func strictJSON(e *core.RequestEvent) error {
	method := e.Request.Method
	if method != http.MethodPost && method != http.MethodPut && method != http.MethodPatch {
		return e.Next()
	}
	if !strings.HasPrefix(strings.ToLower(e.Request.Header.Get("Content-Type")), "application/json") ||
		e.Request.Body == nil {
		return e.Next()
	}
	body, err := io.ReadAll(io.LimitReader(e.Request.Body, maxJSONBody+1))
	if err != nil {
		return apis.NewBadRequestError("The request body could not be read.", nil)
	}
	if len(body) > maxJSONBody {
		return e.Error(http.StatusRequestEntityTooLarge, "The request body is too large.", nil)
	}
	if len(bytes.TrimSpace(body)) > 0 && !json.Valid(body) {
		return apis.NewBadRequestError("The request body is not valid JSON.", nil)
	}
	if problems := wrongTypes(e, body); len(problems) > 0 {
		return apis.NewBadRequestError("Some fields have the wrong type.", problems)
	}
	// Rereadable, as PocketBase's own body: hooks and handlers each bind it.
	e.Request.Body = &router.RereadableReadCloser{ReadCloser: io.NopCloser(bytes.NewReader(body))}
	return e.Next()
}

var recordPath = regexp.MustCompile(`^/api/collections/([^/]+)/records(/[^/]+)?$`)

// wrongTypes refuses JSON values of the wrong type for a record's fields.
// PocketBase would coerce them (an object in a text field becomes "", a
// number its digits), silently storing something nobody sent.
func wrongTypes(e *core.RequestEvent, body []byte) map[string]any {
	match := recordPath.FindStringSubmatch(e.Request.URL.Path)
	if match == nil || e.HasSuperuserAuth() {
		return nil
	}
	collection, err := e.App.FindCachedCollectionByNameOrId(match[1])
	if err != nil {
		return nil
	}
	var values map[string]any
	if json.Unmarshal(body, &values) != nil {
		// Not an object: PocketBase refuses it with its own message.
		return nil
	}
	problems := map[string]any{}
	for _, field := range collection.Fields {
		value, ok := values[field.GetName()]
		if !ok || value == nil {
			continue
		}
		if expected := expectedType(field, value); expected != "" {
			problems[field.GetName()] = map[string]string{
				"code":    "validation_invalid_type",
				"message": "Expected " + expected + ".",
			}
		}
	}
	return problems
}

func expectedType(field core.Field, value any) string {
	many := false
	switch f := field.(type) {
	case *core.SelectField:
		many = f.IsMultiple()
	case *core.RelationField:
		many = f.IsMultiple()
	case *core.FileField:
		many = f.IsMultiple()
	}
	switch field.Type() {
	case core.FieldTypeText, core.FieldTypeEmail, core.FieldTypeURL, core.FieldTypeEditor,
		core.FieldTypePassword, core.FieldTypeDate:
		if _, ok := value.(string); !ok {
			return "text"
		}
	case core.FieldTypeNumber:
		if _, ok := value.(float64); !ok {
			return "a number"
		}
	case core.FieldTypeBool:
		if _, ok := value.(bool); !ok {
			return "true or false"
		}
	case core.FieldTypeGeoPoint:
		point, ok := value.(map[string]any)
		if !ok {
			return "a point with lat and lon"
		}
		_, latOk := point["lat"].(float64)
		_, lonOk := point["lon"].(float64)
		if !latOk || !lonOk {
			return "a point with lat and lon"
		}
	case core.FieldTypeSelect, core.FieldTypeRelation, core.FieldTypeFile:
		if _, ok := value.(string); ok {
			return ""
		}
		if list, ok := value.([]any); ok && many {
			for _, item := range list {
				if _, ok := item.(string); !ok {
					return "text or a list of text"
				}
			}
			return ""
		}
		if many {
			return "text or a list of text"
		}
		return "text"
	}
	return ""
}
