package com.moviepeople.export;

import com.moviepeople.media.PrivateFiles;
import com.moviepeople.shared.CurrentMember;
import com.moviepeople.shared.NotFoundException;
import com.moviepeople.shared.Times;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;

/** The settings page "Your data": ask for an export, see them, download your own. */
@Controller
class ExportController {

    private static final String PAGE = "/settings/export";

    private final ExportService exports;
    private final PrivateFiles files;
    private final Times times;

    ExportController(ExportService exports, PrivateFiles files, Times times) {
        this.exports = exports;
        this.files = files;
        this.times = times;
    }

    @GetMapping(PAGE)
    String page(@AuthenticationPrincipal CurrentMember me, Model model) {
        var list = exports.exportsOf(me.id());
        model.addAttribute("exports", list);
        model.addAttribute("pending", list.stream().anyMatch(ExportView::pending));
        return "export/index";
    }

    @PostMapping(PAGE)
    String request(@AuthenticationPrincipal CurrentMember me, RedirectAttributes flash) {
        ExportService.RequestResult result = exports.request(me.id());
        if (result.accepted()) {
            flash.addFlashAttribute("success", "We are preparing your export. It usually takes a minute or two; "
                    + "the download link appears below when it is ready.");
        } else {
            flash.addFlashAttribute("error", "You can ask for one export a day; the next from "
                    + times.exact(result.nextAllowedAt()) + ".");
        }
        return "redirect:" + PAGE;
    }

    @GetMapping(PAGE + "/{id:[0-9]{1,18}}/download")
    ResponseEntity<InputStreamResource> download(@AuthenticationPrincipal CurrentMember me, @PathVariable long id) throws IOException {
        ExportService.Download download = exports.download(me.id(), id);
        PrivateFiles.Opened file = files.open(download.storageKey()).orElseThrow(NotFoundException::new);
        String name = "moviepeople-export-" + me.username() + "-" + download.madeOn() + ".zip";
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/zip"))
                .contentLength(file.length())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .cacheControl(CacheControl.noStore())
                .body(new InputStreamResource(file.content()));
    }
}
