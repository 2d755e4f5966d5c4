#!/usr/bin/env python3
"""Real-browser test (headless Chromium from Debian, driven by Selenium) of the desk and citizen journey.

A clerk signs in, opens a dossier, uploads a SampleScan, confirms its fields, opens a second dossier and
issues a sealed result; the citizen signs in, sees it in "my documents", reuses it for the second dossier
and sees the clerk's reads in the access log. Screenshots go to $BROWSER_TEST_OUTPUT (default
/tmp/warehouse-browser-test). Run by `make test`; prints `N passed, N failed` as its last line.
"""
import os, re, shutil, socket, subprocess, sys, tempfile, time, traceback, urllib.request

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BINARY = os.environ.get("WAREHOUSE_BINARY", os.path.join(ROOT, ".build/debug/warehouse"))
OUT = os.environ.get("BROWSER_TEST_OUTPUT", "/tmp/warehouse-browser-test")
SAMPLES = os.path.join(ROOT, "SampleScans")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Journey:
    def __init__(self):
        self.storage = tempfile.mkdtemp(prefix="browser-test-")
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        # The procedures of the sample catalogue: a desk opens dossiers only for those.
        for kind in ("code-lists", "result-types", "procedures"):
            path = next(p for p in (os.path.join(ROOT, "catalog/sample", f"{kind}.{ext}") for ext in ("csv", "json")) if os.path.exists(p))
            subprocess.run([BINARY, "catalog", "import", path, "--kind", kind, "--storage", self.storage], check=True, stdout=subprocess.DEVNULL)
        self.server = subprocess.Popen(
            [BINARY, "serve", "--demo", "--storage", self.storage, "--port", str(self.port)],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        deadline = time.time() + 60
        while time.time() < deadline:
            try:
                urllib.request.urlopen(self.base + "/health", timeout=1)
                break
            except Exception:
                time.sleep(0.3)
        else:
            raise RuntimeError("the server did not start")
        options = webdriver.ChromeOptions()
        for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1600", "--lang=vi"):
            options.add_argument(arg)
        options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
        self.driver = webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"), options=options)
        # Pages are replaced while a condition is polled: a stale or missing element, or a node the browser
        # has already dropped ("does not belong to the document"), just means "not yet".
        self.wait = WebDriverWait(self.driver, 120, ignored_exceptions=(WebDriverException,))
        shutil.rmtree(OUT, ignore_errors=True)
        os.makedirs(OUT, exist_ok=True)
        self.shots = 0

    def close(self):
        try:
            self.driver.quit()
        finally:
            self.server.terminate()
            self.server.wait(timeout=20)
            shutil.rmtree(self.storage, ignore_errors=True)

    def shot(self, name):
        self.shots += 1
        self.driver.save_screenshot(os.path.join(OUT, f"{self.shots:02d}-{name}.png"))

    def go(self, path):
        self.driver.get(self.base + path)

    def sign_in(self, user, password):
        self.go("/login")
        self.driver.find_element(By.NAME, "username").send_keys(user)
        self.driver.find_element(By.NAME, "password").send_keys(password)
        self.driver.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
        self.wait.until(lambda d: "/login" not in d.current_url)

    def sign_out(self):
        self.driver.find_element(By.CSS_SELECTOR, "form[action='/logout'] button").click()
        self.wait.until(lambda d: "/login" in d.current_url)

    def open_dossier(self, procedure, owner):
        self.go("/desk")
        form = self.driver.find_element(By.CSS_SELECTOR, "form[action='/desk/dossiers']")
        form.find_element(By.NAME, "procedure").send_keys(procedure)
        form.find_element(By.NAME, "owner").send_keys(owner)
        form.find_element(By.CSS_SELECTOR, "button").click()
        self.wait.until(lambda d: "/desk/dossiers/" in d.current_url)
        return self.driver.current_url.rsplit("/", 1)[1]

    def on_phone(self, paths, name):
        """Each page at 390×844 (a phone, touch, 2× pixels): nothing may scroll sideways."""
        d = self.driver
        d.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": 390, "height": 844, "deviceScaleFactor": 2, "mobile": True})
        try:
            for path in paths:
                self.go(path)
                self.wait.until(lambda drv: drv.execute_script("return document.readyState") == "complete")
                wide, inner = d.execute_script("return [document.documentElement.scrollWidth, window.innerWidth]")
                assert wide <= inner, f"{path} is {wide} px wide on a {inner} px phone"
                self.shot(f"phone-{name}-{path.strip('/').split('/')[0] or 'home'}")
        finally:
            d.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})

    def text(self):
        return self.driver.find_element(By.TAG_NAME, "main").text


def run(journey):
    j = journey
    d = j.driver
    # 1. The clerk of the ward opens a birth-registration dossier for Nguyễn Văn An and uploads the form.
    j.sign_in("canbo.phuong", "motcua-phuong-2024")
    assert "Bộ phận Một cửa" in j.text(), j.text()[:300]
    dossier = j.open_dossier("1.001193", "038090012345")
    assert re.fullmatch(r"000\.12\.34\.H56-\d{6}-\d{4}", dossier), dossier
    upload = d.find_element(By.ID, "upload")
    upload.find_element(By.CSS_SELECTOR, "input[type=file]").send_keys(
        os.path.join(SAMPLES, "000.12.34.H56-241105-0007/to-khai-dang-ky-khai-sinh.png"))
    upload.find_element(By.CSS_SELECTOR, "button").click()
    j.wait.until(EC.presence_of_element_located((By.ID, "outcomes")))
    outcomes = d.find_element(By.ID, "outcomes").text
    assert "to-khai-dang-ky-khai-sinh.png" in outcomes and "đã số hóa và lưu" in outcomes, outcomes
    j.shot("desk-upload-filed")

    # 2. The clerk checks the extracted fields and corrects one; the correction is kept.
    d.find_element(By.CSS_SELECTOR, "#outcomes a[href^='/documents/']").click()
    j.wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, "table.fields")))
    assert "038090012345" in j.text()
    d.find_element(By.CSS_SELECTOR, "details summary").click()
    phone = d.find_element(By.NAME, "field.soDienThoai")
    phone.clear()
    phone.send_keys("0912345679")
    d.find_element(By.CSS_SELECTOR, "form[action$='/fields'] button").click()
    j.wait.until(lambda drv: "0912345679" in drv.find_element(By.TAG_NAME, "main").text)
    assert "manual" in j.text()
    j.shot("desk-fields-confirmed")

    # 3. The clerk starts processing (status 2 → 4, with a note in the event log), then issues the birth
    #    certificate (result) to the child, sealed with a QR code.
    j.go(f"/desk/dossiers/{dossier}")
    assert "2 Được tiếp nhận" in d.find_element(By.ID, "status-now").text
    status = d.find_element(By.ID, "status-form")
    Select(status.find_element(By.NAME, "to")).select_by_value("4")
    status.find_element(By.NAME, "note").send_keys("Bắt đầu xử lý")
    status.find_element(By.CSS_SELECTOR, "button").click()
    j.wait.until(lambda drv: "4 Đang xử lý" in drv.find_element(By.ID, "status-now").text)
    assert "Bắt đầu xử lý" in d.find_element(By.ID, "events").text, d.find_element(By.ID, "events").text
    j.shot("desk-status-in-progress")
    issue = d.find_element(By.ID, "issue")
    issue.find_element(By.NAME, "file").send_keys(os.path.join(SAMPLES, "000.12.34.H56-241105-0007/giay-khai-sinh.png"))
    issue.find_element(By.NAME, "resultType").send_keys("KQ.G15.000031")
    issue.find_element(By.NAME, "name").send_keys("Giấy khai sinh")
    issue.find_element(By.NAME, "number").send_keys("45")
    issue.find_element(By.NAME, "owner").send_keys("038324000123")
    issue.find_element(By.CSS_SELECTOR, "button").click()
    j.wait.until(lambda drv: "Kết quả đã cấp" in drv.find_element(By.TAG_NAME, "main").text)
    assert f"{dossier}-KQ1" in j.text(), j.text()[:500]
    j.shot("desk-result-issued")
    # A second dossier for the child, where the citizen will reuse the result.
    second = j.open_dossier("2.000806", "038324000123")
    j.sign_out()

    # 4. The citizen (the child's account) sees the result in their store, valid, and opens it.
    j.sign_in("chau", "minh-chau-2024")
    j.go("/me")
    assert "Giấy khai sinh" in j.text() and "vĩnh viễn" in j.text(), j.text()[:500]
    # Her own dossier (the second one) with its status, read only.
    mine = d.find_element(By.ID, "my-dossiers").text
    assert second in mine and "2 Được tiếp nhận" in mine, mine
    j.shot("citizen-my-documents")
    d.find_element(By.CSS_SELECTOR, "#documents a[href^='/documents/']").click()
    j.wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, ".pages img")))
    preview = d.find_element(By.CSS_SELECTOR, ".pages img")
    j.wait.until(lambda drv: drv.execute_script("return arguments[0].complete && arguments[0].naturalWidth > 0", preview))
    pdf_link = d.find_element(By.CSS_SELECTOR, "a[href$='sealed.pdf']").get_attribute("href")
    cookie = "; ".join(f"{c['name']}={c['value']}" for c in d.get_cookies())
    pdf = urllib.request.urlopen(urllib.request.Request(pdf_link, headers={"Cookie": cookie})).read()
    assert pdf.startswith(b"%PDF"), pdf[:20]

    # 5. The citizen reuses it for the new dossier (consent recorded) and sees who read it.
    form = d.find_element(By.CSS_SELECTOR, "#reuse form")
    form.find_element(By.NAME, "dossier").send_keys(second)
    form.find_element(By.CSS_SELECTOR, "button").click()
    j.wait.until(lambda drv: "Đã đồng ý dùng lại" in drv.find_element(By.TAG_NAME, "main").text)
    log = d.find_element(By.ID, "access-log").text
    assert "clerk" in log and "citizen" in log, log
    j.shot("citizen-reuse-and-access-log")
    # 5b. The same pages on a phone: my documents, the document with who read it and the reuse form, verify.
    document_path = "/" + d.current_url.split("/", 3)[3].split("?")[0]
    j.on_phone(["/me", document_path, "/verify"], "citizen")
    j.sign_out()

    # 6. The desk now sees the reused result in the second dossier, without a new scan.
    j.sign_in("canbo.phuong", "motcua-phuong-2024")
    j.go(f"/desk/dossiers/{second}")
    components = d.find_element(By.ID, "components").text
    assert "Giấy khai sinh" in components and "dùng lại" in components, components
    j.shot("desk-second-dossier-reused")

    # 7. Anyone can check the sealed PDF on /verify.
    j.sign_out()
    j.go("/verify")
    with tempfile.NamedTemporaryFile(suffix=".pdf", delete=False) as f:
        f.write(pdf)
    d.find_element(By.NAME, "file").send_keys(f.name)
    d.find_element(By.CSS_SELECTOR, "form[action='/verify'] button").click()
    j.wait.until(EC.presence_of_element_located((By.ID, "verdict")))
    assert "Hợp lệ" in d.find_element(By.ID, "verdict").text, d.find_element(By.ID, "verdict").text
    j.shot("verify-valid")
    os.unlink(f.name)


def main():
    passed = failed = 0
    journey = None
    try:
        journey = Journey()
        run(journey)
        passed += 1
        print(f"browser journey passed; screenshots in {OUT}")
    except Exception:
        failed += 1
        traceback.print_exc()
        if journey:
            try:
                journey.shot("failure")
                print(journey.driver.find_element(By.TAG_NAME, "body").text[:2000])
            except Exception:
                pass
    finally:
        if journey:
            journey.close()
    print(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
