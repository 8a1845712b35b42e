import { mount } from 'svelte';
import './app.css';
import App from './App.svelte';
import { installLinkHandler } from './lib/router.svelte';

installLinkHandler();
mount(App, { target: document.getElementById('app')! });
