/// The inline stylesheet and script every page carries: nothing is fetched.
extension StoryPage {
    static let css = """
        body{font:16px/1.5 Georgia,serif;max-width:60em;margin:1.5em auto;padding:0 1em;color:#222;background:#fff}
        h1{font-size:1.5em;margin:.2em 0}h2{font-size:1.2em;border-bottom:1px solid #ddd;margin-top:2em}h3{font-size:1em}
        nav a{margin-right:1.2em}.meta,.stat,.where,.vhead,.stats,.note,.legend,.up{font:13px/1.5 system-ui,sans-serif;color:#555}
        .timeline{list-style:none;padding:0}.version{border-left:4px solid #bbb;padding:.3em .9em;margin:0 0 1em}
        .version.alert{border-color:#c0392b}
        .vnum{font-weight:bold;color:#222}.tag{background:#eee;border-radius:3px;padding:0 .3em}.gap{color:#888}
        .headline{font-weight:bold}.advisory{font-style:italic;color:#444}
        .s-added{color:#145a24}.s-removed{color:#8a1c12}.s-changed{color:#8a6d0b}.s-moved{color:#1b5e8c}.s-split{color:#6c3483}
        .changes,.audit{margin:.3em 0;padding-left:1.2em;font:14px/1.45 system-ui,sans-serif}
        .kind{font-weight:600;color:#333}.para{color:#777}.sig{color:#888;font-size:12px;margin-left:.3em}
        time{white-space:nowrap}a.feed{margin-left:1em}
        .audit .not-found,.audit .undeclared,.audit .flag{color:#a93226;font-weight:bold}.audit .found{color:#555}
        a.show{font:13px system-ui,sans-serif}.picker{font:14px system-ui,sans-serif;margin:1em 0}
        .op{border-left:4px solid #ddd;padding:.1em .8em;margin:.6em 0}.op p{margin:.2em 0}
        details.same{margin:.6em 0;border-left:4px dotted #ddd;padding:.1em .8em}
        details.same>summary{font:13px/1.8 system-ui,sans-serif;color:#777;cursor:pointer}
        details.same[open]>summary{margin-bottom:.3em}details.same .op{border-left:none;padding-left:0}
        .claims>summary,.version details>summary{font:13px system-ui,sans-serif;color:#555;cursor:pointer}
        .unchanged{color:#777}.added{border-color:#2a8a3e}.removed{border-color:#c0392b}.changed{border-color:#d4a017}
        .moved,.moved-and-changed{border-color:#2471a3}.split,.merged{border-color:#8e44ad}
        del{background:#fbe3e0;color:#8a1c12}ins{background:#e0f5e4;color:#145a24;text-decoration:none}
        .removed .text{text-decoration:line-through}.break{color:#8e44ad;font-weight:bold}
        .cols{display:none}.sbs .cols{display:grid;grid-template-columns:1fr 1fr;gap:1.2em}.sbs .op>.text{display:none}
        @media (max-width:40em){body{margin:.8em auto;font-size:15px}.sbs .cols{grid-template-columns:1fr;gap:.3em}
        .cols .old{border-bottom:1px dashed #ddd}}
        .cols p{margin:.2em 0}.blame p{line-height:1.8}.blame span.re{text-decoration:underline dotted #555}
        .chip{padding:.1em .4em;border-radius:3px;white-space:nowrap}
        table.index{border-collapse:collapse;width:100%;font:14px/1.4 system-ui,sans-serif}
        .index th,.index td{border-bottom:1px solid #e5e5e5;padding:.35em .5em;text-align:left;vertical-align:top}
        .index td.n{text-align:right}.index td.alert{color:#a93226;font-weight:bold}
        .lineage ol{padding-left:1.2em}.event{margin:.4em 0}
        """

    /// Shows the chosen pair of versions (joining its fragments, `FragmentTable`, the first time),
    /// and builds the side-by-side columns on demand.
    static let javascript = """
        (function(){var f=document.getElementById("from"),t=document.getElementById("to"),s=document.getElementById("sbs"),
        c=document.getElementById("compare"),F=null;if(!f)return;
        function build(p){if(!p.dataset.f)return;if(!F)F=JSON.parse(document.getElementById("fragments").textContent);
        p.innerHTML=p.dataset.f.split(" ").map(function(n){return F[parseInt(n,36)];}).join("");delete p.dataset.f;}
        function show(){var id="pair-"+f.value+"-"+t.value,hit=false;c.querySelectorAll(".pair").forEach(function(p){
        p.hidden=p.id!==id;if(p.id===id){hit=true;build(p);}});document.getElementById("nopair").hidden=hit;sides();}
        function sides(){c.classList.toggle("sbs",s.checked);if(!s.checked)return;c.querySelectorAll(".op>.text").forEach(function(p){
        if(p.nextElementSibling)return;var d=document.createElement("div"),o=p.cloneNode(true),n=p.cloneNode(true);d.className="cols";
        o.className="old";n.className="new";o.querySelectorAll("ins").forEach(function(e){e.remove();});
        n.querySelectorAll("del").forEach(function(e){e.remove();});d.append(o,n);p.after(d);});}
        function pick(){show();if(history.replaceState)history.replaceState(null,"","#pair-"+f.value+"-"+t.value);}
        var m=/^#pair-(\\d+)-(\\d+)$/.exec(location.hash);if(m){f.value=m[1];t.value=m[2];}
        f.onchange=t.onchange=pick;s.onchange=sides;document.querySelectorAll("a[data-from]").forEach(function(a){
        a.onclick=function(){f.value=a.dataset.from;t.value=a.dataset.to;pick();};});show();
        if(m){var p=document.getElementById(m[0].slice(1));if(p)p.scrollIntoView();}})();
        """
}
