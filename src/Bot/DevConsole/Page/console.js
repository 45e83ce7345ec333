// MicroMove dev console: plain JS, no build step. Talks to /dev/api; Teams cards render with the
// official Adaptive Cards renderer (window.AdaptiveCards), Slack messages with a small Block Kit preview.
"use strict";

const state = {
  people: [],
  selected: null,          // a person object, or null when the channel is shown
  speaker: null,           // in the channel: the person who types and clicks
  conversation: null,      // "dm:ada" or "channel:team"
  defaultView: localStorage.getItem("micromove.view") || "teams",
  views: {},               // message id → "teams" | "slack" (per-message override)
  lastMessages: "",
  lastSide: "",
  messages: [],            // the conversation as last loaded
  dialogMessageId: null,   // the settings message shown in the dialog (Slack view), if any
};

const $ = (id) => document.getElementById(id);

async function api(method, path, body) {
  const response = await fetch("/dev/api" + path, {
    method,
    headers: body === undefined ? {} : { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  const json = text ? JSON.parse(text) : null;
  if (!response.ok) {
    throw new Error((json && json.error) || `${method} ${path}: ${response.status}`);
  }
  return json;
}

function showError(error) { $("error").textContent = error ? String(error.message || error) : ""; }

// ---------- people and channel ----------

async function loadPeople() {
  state.people = await api("GET", "/people");
  const list = $("people");
  list.replaceChildren(...state.people.map((p) => {
    const li = document.createElement("li");
    const b = document.createElement("button");
    b.className = "who";
    b.dataset.conversation = p.conversationId;
    b.dataset.testid = "person-" + p.userId;
    b.setAttribute("data-testid", "person-" + p.userId);
    b.innerHTML = `${escapeHtml(p.name)}<small>${escapeHtml(p.timeZone)}</small>`;
    b.onclick = () => select(p.conversationId);
    li.append(b);
    return li;
  }));
  document.querySelector('[data-conversation="channel:team"]').onclick = () => select("channel:team");
  // Only people MicroMove knows can speak in the channel: someone whose data was deleted has no id.
  const speakers = state.people.filter((p) => p.id);
  const speaker = $("speaker");
  const speakerIds = speakers.map((p) => p.id).join(",");
  if (speaker.dataset.ids !== speakerIds) {
    const current = speaker.value;
    speaker.replaceChildren(...speakers.map((p) => new Option(p.name, p.id)));
    if (speakers.some((p) => p.id === current)) { speaker.value = current; }
    speaker.dataset.ids = speakerIds;
  }
  state.speaker = speakers.find((p) => p.id === speaker.value) || speakers[0] || null;
  if (!state.conversation && state.people.length) {
    select(state.people[0].conversationId);
  } else if (state.selected) {
    state.selected = state.people.find((p) => p.conversationId === state.selected.conversationId) || state.selected;
  }
}

function select(conversation) {
  state.conversation = conversation;
  state.selected = state.people.find((p) => p.conversationId === conversation) || null;
  state.lastMessages = "";
  state.lastSide = "";
  document.querySelectorAll(".who").forEach((b) => b.classList.toggle("selected", b.dataset.conversation === conversation));
  $("conversation-title").textContent = state.selected ? `Direct messages · ${state.selected.name}` : "# team";
  $("text").disabled = false;
  $("speaker-label").hidden = !!state.selected;
  $("text").placeholder = state.selected
    ? "Type like in a DM: now hips, done 3, pause 1h, log, help — or /micromove …"
    : "Type in #team: challenge start Move more week, challenge join, challenge, challenge end…";
  for (const id of ["jump-next", "jump-friday", "edit-settings"]) { $(id).disabled = !state.selected; }
  refresh();
}

// ---------- messages ----------

async function loadMessages(force) {
  if (!state.conversation) { return; }
  const messages = await api("GET", `/conversations/${encodeURIComponent(state.conversation)}/messages`);
  const signature = JSON.stringify(messages.map((m) => [m.id, m.updatedAt])) + state.defaultView + JSON.stringify(state.views);
  if (!force && signature === state.lastMessages) { return; }
  state.lastMessages = signature;
  state.messages = messages;
  renderSettingsDialog();
  const box = $("messages");
  const atBottom = box.scrollTop + box.clientHeight >= box.scrollHeight - 40;
  box.replaceChildren(...messages.map(renderMessage));
  if (atBottom || force) { box.scrollTop = box.scrollHeight; }
}

function renderMessage(message) {
  const wrap = document.createElement("div");
  wrap.className = "msg " + (message.fromPerson ? "person" : "bot");
  wrap.dataset.messageId = message.id;
  wrap.dataset.kind = message.kind;
  wrap.setAttribute("data-testid", "message");
  const meta = document.createElement("div");
  meta.className = "meta";
  const when = state.selected
    ? localTime(message.createdAt, state.selected.timeZone)
    : new Date(message.createdAt).toISOString().slice(11, 16) + " UTC";
  const bubble = document.createElement("div");
  bubble.className = "bubble";
  if (message.fromPerson) {
    const author = String(message.kind || "").startsWith("person:")
      ? (state.people.find((p) => p.userId === message.kind.slice(7)) || {}).name
      : null;
    meta.textContent = `${author || (state.selected ? state.selected.name : "Someone")} · ${when}`;
    bubble.textContent = message.fallbackText;
  } else {
    const view = state.views[message.id] || state.defaultView;
    meta.innerHTML = `<strong>MicroMove</strong><span>${escapeHtml(message.kind)}</span><span>${when}</span>`;
    const toggle = document.createElement("button");
    toggle.className = "toggle";
    toggle.setAttribute("data-testid", "toggle-view");
    toggle.textContent = view === "teams" ? "Teams · show Slack" : "Slack · show Teams";
    toggle.onclick = () => { state.views[message.id] = view === "teams" ? "slack" : "teams"; loadMessages(true); };
    meta.append(toggle);
    try {
      bubble.append(view === "teams" ? renderTeams(message) : renderSlack(message));
    } catch (error) {
      bubble.textContent = message.fallbackText + `\n(could not render: ${error.message})`;
    }
    bubble.dataset.view = view;
  }
  wrap.append(meta, bubble);
  return wrap;
}

// ---------- Teams: the official renderer ----------

const hostConfig = window.AdaptiveCards ? new AdaptiveCards.HostConfig({
  fontFamily: "Segoe UI, system-ui, sans-serif",
  actions: { actionsOrientation: "horizontal", buttonSpacing: 8, maxActions: 10, actionAlignment: "left" },
}) : null;

// Teams renders the card's subset of Markdown (bold, italic, links, lists); the library leaves that to the host.
if (window.AdaptiveCards) {
  AdaptiveCards.AdaptiveCard.onProcessMarkdown = (text, result) => {
    result.outputHtml = cardMarkdown(text);
    result.didProcess = true;
  };
}

function cardMarkdown(text) {
  const inline = (s) => escapeHtml(s)
    .replace(/\[([^\]]+)\]\((https?:[^)\s]+)\)/g, '<a href="$2" target="_blank" rel="noopener">$1</a>')
    .replace(/\*\*([^*]+)\*\*/g, "<strong>$1</strong>")
    .replace(/(^|[\s(])_([^_]+)_(?=$|[\s).,:;!?])/g, "$1<em>$2</em>")
    .replace(/(^|[\s(])\*([^*]+)\*(?=$|[\s).,:;!?])/g, "$1<em>$2</em>");
  const lines = text.split(/\r\n|\r|\n/);
  const html = [];
  let list = null;
  for (const line of lines) {
    const item = /^\s*(?:[-*]|(\d+)\.)\s+(.*)$/.exec(line);
    if (item) {
      const tag = item[1] ? "ol" : "ul";
      if (list !== tag) { if (list) { html.push(`</${list}>`); } html.push(`<${tag} style="margin:0;padding-left:1.4em">`); list = tag; }
      html.push(`<li>${inline(item[2])}</li>`);
    } else {
      if (list) { html.push(`</${list}>`); list = null; }
      html.push(`<p style="margin:0">${inline(line)}</p>`);
    }
  }
  if (list) { html.push(`</${list}>`); }
  return html.join("");
}

function renderTeams(message) {
  if (!window.AdaptiveCards) { throw new Error("Adaptive Cards renderer not loaded"); }
  const card = new AdaptiveCards.AdaptiveCard();
  card.hostConfig = hostConfig;
  card.onExecuteAction = (action) => {
    if (action.getJsonTypeName() === "Action.OpenUrl") {
      // A link (the data export): open it, as Teams does; the bot is not called.
      window.open(action.url, "_blank", "noopener");
      return;
    }
    const data = action.data || {};
    const verb = action.verb || data.verb;
    act({ platform: "teams", messageId: message.id, verb, data });
  };
  card.parse(message.teams);
  const element = card.render();
  element.setAttribute("data-testid", "teams-card");
  return element;
}

// ---------- the settings dialog (Slack view) ----------

// Slack edits the schedule in a modal, which the console cannot open; its "Edit schedule" button asks the
// bot for the form (the message turns into it) and shows that message's form here, saved as Teams does.
const isSettingsForm = (message) => Boolean(message && message.teams && JSON.stringify(message.teams).includes('"verb":"saveSchedule"'));

function openSettingsDialog(messageId) {
  state.dialogMessageId = messageId;
  renderSettingsDialog();
}

function renderSettingsDialog() {
  const dialog = $("settings-dialog");
  const message = state.messages.find((m) => m.id === state.dialogMessageId);
  if (!isSettingsForm(message)) {
    // Saved (or gone): the message in the conversation now says so.
    state.dialogMessageId = null;
    if (dialog.open) { dialog.close(); }
    return;
  }
  try {
    $("settings-form").replaceChildren(renderTeams(message));
  } catch (error) {
    $("settings-form").textContent = `(could not render: ${error.message})`;
  }
  if (!dialog.open) { dialog.showModal(); }
}

// ---------- Slack: a small Block Kit preview ----------

function renderSlack(message) {
  const root = document.createElement("div");
  root.setAttribute("data-testid", "slack-blocks");
  const blocks = (message.slack && message.slack.blocks) || [];
  if (blocks.length === 0) {
    root.innerHTML = mrkdwn(message.slack ? message.slack.text || "" : message.fallbackText);
    return root;
  }
  for (const block of blocks) { root.append(renderBlock(block, message)); }
  return root;
}

function renderBlock(block, message) {
  const el = document.createElement("div");
  switch (block.type) {
    case "header":
      el.className = "bk-header";
      el.textContent = block.text.text;
      break;
    case "section": {
      el.className = "bk-section";
      const text = document.createElement("div");
      text.className = "bk-text";
      if (block.text) { text.innerHTML = textObject(block.text); }
      if (block.fields) {
        const fields = document.createElement("div");
        fields.className = "bk-fields";
        for (const f of block.fields) { const d = document.createElement("div"); d.innerHTML = textObject(f); fields.append(d); }
        text.append(fields);
      }
      el.append(text);
      if (block.accessory) { el.append(renderElement(block.accessory, message)); }
      break;
    }
    case "context":
      el.className = "bk-context";
      for (const e of block.elements || []) {
        const span = document.createElement("span");
        if (e.type === "image") { span.innerHTML = `<img src="${escapeAttr(e.image_url)}" alt="${escapeAttr(e.alt_text)}" width="16" height="16">`; }
        else { span.innerHTML = textObject(e); }
        el.append(span);
      }
      break;
    case "divider":
      return Object.assign(document.createElement("hr"), { className: "bk-divider" });
    case "actions":
      el.className = "bk-actions";
      for (const e of block.elements || []) { el.append(renderElement(e, message)); }
      break;
    case "image":
      el.className = "bk-image";
      el.innerHTML = `${block.title ? `<div>${escapeHtml(block.title.text)}</div>` : ""}<img src="${escapeAttr(block.image_url)}" alt="${escapeAttr(block.alt_text)}">`;
      break;
    default:
      el.className = "bk-unknown";
      el.textContent = `[${block.type} block]`;
  }
  return el;
}

function renderElement(element, message) {
  if (element.type === "button") {
    const b = document.createElement("button");
    b.className = "bk-button" + (element.style ? " " + element.style : "");
    b.textContent = element.text.text;
    const opensSettings = String(element.action_id).split(":")[0] === "mm_open_settings";
    b.onclick = async () => {
      // Slack asks once more when a button has a confirm dialog (delete my data): so does the preview.
      if (element.confirm && !window.confirm(`${element.confirm.title.text}\n\n${element.confirm.text.text}`)) { return; }
      const done = await act({ platform: "slack", messageId: message.id, actionId: element.action_id, value: element.value });
      if (done && opensSettings) { openSettingsDialog(message.id); }
    };
    return b;
  }
  if (element.type === "static_select") {
    const s = document.createElement("select");
    s.className = "bk-select";
    s.setAttribute("data-testid", "slack-select");
    const placeholder = new Option(element.placeholder ? element.placeholder.text : "Choose…", "");
    placeholder.disabled = true;
    s.append(placeholder);
    for (const o of element.options || []) { s.append(new Option(o.text.text, o.value)); }
    s.value = element.initial_option ? element.initial_option.value : "";
    s.onchange = () => act({ platform: "slack", messageId: message.id, actionId: element.action_id, value: s.value });
    return s;
  }
  if (element.type === "image") {
    return Object.assign(document.createElement("img"), { src: element.image_url, alt: element.alt_text, width: 48 });
  }
  return Object.assign(document.createElement("span"), { className: "bk-unknown", textContent: `[${element.type}]` });
}

function textObject(t) { return t.type === "plain_text" ? escapeHtml(t.text) : mrkdwn(t.text); }

// Slack mrkdwn: the text arrives with &, < and > escaped; links are <url|label>.
function mrkdwn(text) {
  const parts = [];
  let last = 0;
  for (const m of text.matchAll(/<([^|>]+)(?:\|([^>]+))?>/g)) {
    parts.push(format(unescapeSlack(text.slice(last, m.index))));
    const url = unescapeSlack(m[1]);
    const label = unescapeSlack(m[2] || m[1]);
    parts.push(/^https?:/.test(url) ? `<a href="${escapeAttr(url)}" target="_blank" rel="noopener">${escapeHtml(label)}</a>` : escapeHtml(label));
    last = m.index + m[0].length;
  }
  parts.push(format(unescapeSlack(text.slice(last))));
  return parts.join("");
}

function format(plain) {
  return escapeHtml(plain)
    .replace(/`([^`\n]+)`/g, "<code>$1</code>")
    .replace(/(^|[\s(])\*([^*\n]+)\*(?=$|[\s).,:;!?])/g, "$1<strong>$2</strong>")
    .replace(/(^|[\s(])_([^_\n]+)_(?=$|[\s).,:;!?])/g, "$1<em>$2</em>")
    .replace(/(^|[\s(])~([^~\n]+)~(?=$|[\s).,:;!?])/g, "$1<del>$2</del>")
    .replace(/^&gt; ?(.*)$/gm, "<span class=\"muted\">│ $1</span>");
}

function unescapeSlack(s) { return s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&"); }
function escapeHtml(s) { return String(s ?? "").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;"); }
function escapeAttr(s) { return escapeHtml(s).replace(/'/g, "&#39;"); }

// ---------- actions, typing, clock ----------

async function act(body) {
  const who = state.selected || state.speaker;
  if (!who) { showError("Pick a person: actions are answered as them."); return false; }
  try {
    showError("");
    await api("POST", "/actions", { personId: who.id, ...body });
    await refresh(true);
    return true;
  } catch (error) { showError(error); return false; }
}

async function say(event) {
  event.preventDefault();
  const text = $("text").value.trim();
  $("text").value = "";
  await sayText(text);
}

async function sayText(text) {
  if (!text || !(state.selected || state.speaker)) { return; }
  try {
    showError("");
    if (state.selected) {
      // A person whose data was deleted has no id: their user id makes them known again, as on first contact.
      await api("POST", `/conversations/${encodeURIComponent(state.selected.id || state.selected.userId)}/say`, { text });
    } else {
      await api("POST", `/channels/${encodeURIComponent(state.conversation)}/say`, { personId: state.speaker.id, text });
    }
    await refresh(true);
  } catch (error) { showError(error); }
}

async function jump(path) {
  try {
    showError("");
    await api("POST", "/clock/" + path, state.selected ? { personId: state.selected.id } : {});
    await refresh(true);
  } catch (error) { showError(error); }
}

async function loadSide(force) {
  const clock = await api("GET", "/clock");
  const person = state.selected;
  const offset = String(clock.offset || "").replace(/\.\d+$/, "");
  const offsetNote = offset && offset !== "00:00:00" ? ` (clock +${offset})` : " (real time)";
  const localNow = person ? localTime(clock.now, person.timeZone) : new Date(clock.now).toISOString().slice(0, 16).replace("T", " ") + " UTC";
  $("clock").textContent = `Simulated now: ${localNow}${offsetNote}`;
  if (!person) {
    $("person-name").textContent = "Channel";
    $("schedule").innerHTML = "<dt>Members</dt><dd>" + state.people.map((p) => escapeHtml(p.name)).join(", ") + "</dd>";
    $("log").replaceChildren();
    $("week").replaceChildren();
    $("advice").replaceChildren();
    $("chart").hidden = true;
    return;
  }

  for (const id of ["jump-next", "jump-friday", "edit-settings"]) { $(id).disabled = !person.id; }
  if (!person.id) {
    $("person-name").textContent = person.name;
    $("schedule").innerHTML = `<dt>MicroMove</dt><dd data-testid="no-data">holds no data about ${escapeHtml(person.name)} — type something to start again</dd>`;
    for (const id of ["log", "week", "advice"]) { $(id).replaceChildren(); }
    $("chart").hidden = true;
    state.lastSide = "";
    return;
  }

  const log = await api("GET", `/people/${person.id}/log`);
  const week = await api("GET", `/people/${person.id}/week`);
  const signature = JSON.stringify([person, log, week.facts, week.advice]);
  if (!force && signature === state.lastSide) { return; }
  state.lastSide = signature;
  const s = person.schedule;
  const days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
  const workDays = (s.workDays || []).map((d) => typeof d === "number" ? days[d] : String(d).slice(0, 3)).join(" ");
  $("person-name").textContent = `${person.name}'s schedule`;
  $("schedule").innerHTML = [
    ["Time zone", person.timeZone],
    ["Work days", workDays],
    ["Day", `${s.dayStart.slice(0, 5)}–${s.dayEnd.slice(0, 5)}`],
    ["Lunch", `${s.lunchStart.slice(0, 5)} (${s.lunchMinutes} min)`],
    ["Routines", (s.routines || []).join(", ")],
    ["Cadence", `every ${s.cadenceMinutes} min`],
    ["Meetings", (s.meetings || []).length ? s.meetings.map((m) => JSON.stringify(m)).join("; ") : "none"],
    ["Paused until", person.pausedUntil ? localTime(person.pausedUntil, person.timeZone) : "not paused"],
    ["Next prompt", person.nextPromptLocal || "none"],
  ].map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd data-testid="schedule-${escapeAttr(k.toLowerCase().replace(/ /g, "-"))}">${escapeHtml(v)}</dd>`).join("");
  $("week").innerHTML = (week.facts || [])
    .map((f) => `<dt>${escapeHtml(f.label)}</dt><dd>${escapeHtml(f.value)}</dd>`).join("");
  $("advice").replaceChildren(...(week.advice || []).map((text) => {
    const li = document.createElement("li");
    li.textContent = text;
    return li;
  }));
  const chart = $("chart");
  if (week.chartPath) {
    // A new query string each time the figures change, so the browser fetches the fresh chart.
    chart.src = `${week.chartPath}${week.chartPath.includes("?") ? "&" : "?"}v=${encodeURIComponent(signature.length)}`;
    chart.alt = week.chartAltText || "";
    chart.hidden = false;
  } else {
    chart.hidden = true;
  }
  $("log").replaceChildren(...(log.length ? log : [null]).map((e) => {
    const li = document.createElement("li");
    if (!e) { li.className = "muted"; li.textContent = "Nothing logged this week yet."; return li; }
    li.setAttribute("data-testid", "log-entry");
    const fatigue = e.fatigueBefore || e.fatigueAfter ? ` · fatigue ${e.fatigueBefore ?? "?"}→${e.fatigueAfter ?? "?"}` : "";
    li.innerHTML = `<strong>${escapeHtml(e.doneAtLocal)}</strong>${e.routine ? ` · ${escapeHtml(e.routine)}` : ""}<br>${escapeHtml(e.movements.join(", "))}<span data-testid="log-fatigue">${escapeHtml(fatigue)}</span>`;
    return li;
  }));
}

function localTime(iso, zone) {
  return new Intl.DateTimeFormat("en-GB", { timeZone: zone, weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" }).format(new Date(iso));
}

let refreshing = false;
async function refresh(force) {
  if (refreshing && !force) { return; }
  refreshing = true;
  try {
    await loadPeople();
    await loadMessages(force);
    await loadSide(force);
  } catch (error) {
    showError(error);
  } finally {
    refreshing = false;
  }
}

function start() {
  $("default-view").value = state.defaultView;
  $("default-view").onchange = (e) => {
    state.defaultView = e.target.value;
    state.views = {};
    localStorage.setItem("micromove.view", state.defaultView);
    loadMessages(true);
  };
  $("say").addEventListener("submit", say);
  $("jump-next").onclick = () => jump("next-slot");
  $("jump-friday").onclick = () => jump("friday-evening");
  $("jump-challenge").onclick = () => jump("challenge-update");
  $("speaker").onchange = () => { state.speaker = state.people.find((p) => p.id === $("speaker").value) || null; };
  $("clock-reset").onclick = () => jump("reset");
  $("edit-settings").onclick = () => sayText("schedule");
  $("settings-close").onclick = () => $("settings-dialog").close();
  $("settings-dialog").addEventListener("close", () => { state.dialogMessageId = null; });
  refresh(true);
  setInterval(() => refresh(false), 2000);
}

start();
